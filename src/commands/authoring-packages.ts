// `kb lint` compiles markdown with unified/remark/yaml and analyses regexes with recheck. These are
// devDependencies: the commands users run need only the compiled KB, and recheck alone is 57 MB.
// An installed `kb lint` therefore says in one line what to install, and where, when they are missing.
import path from 'node:path';
import { shellQuote } from '../diagnose/shell-quote.js';

/**
 * Every package the KB compiler loads, and the only packages not bundled into dist/: scripts/bundle.ts
 * leaves exactly these out, so a plain install leaves them out too (test/import-rules.test.ts checks
 * the source, test/bundle.test.ts the built files).
 */
export const AUTHORING_PACKAGES: readonly string[] = [
  'unified',
  'remark-parse',
  'remark-frontmatter',
  'yaml',
  'recheck',
];

/** The authoring package a failed import could not find, if that is why it failed. */
export function missingAuthoringPackage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(error.message)?.[1];
  return name !== undefined && AUTHORING_PACKAGES.includes(name) ? name : undefined;
}

/**
 * The npm command that makes them loadable from `packageRoot` (where rootless-doctor is installed),
 * with the version ranges this release was tested with. Node looks for packages in every
 * node_modules above the package, so they go beside it:
 * - a global install, PREFIX/lib/node_modules/rootless-doctor: `npm install -g --prefix PREFIX`;
 * - a project's, DIR/node_modules/rootless-doctor: `npm install --prefix DIR`;
 * - a source checkout: its own devDependencies, `npm ci --prefix ROOT`.
 */
export function installCommand(
  packageRoot: string,
  ranges: Readonly<Record<string, string>>,
): string {
  const specs = AUTHORING_PACKAGES.map((name) => quote(`${name}@${ranges[name] ?? 'latest'}`)).join(
    ' ',
  );
  const parent = path.dirname(packageRoot);
  if (path.basename(parent) !== 'node_modules') return `npm ci --prefix ${quote(packageRoot)}`;
  const above = path.dirname(parent);
  if (path.basename(above) === 'lib')
    return `npm install -g --prefix ${quote(path.dirname(above))} ${specs}`;
  return `npm install --prefix ${quote(above)} ${specs}`;
}

/** bare when nothing in it is special to a shell (the usual case), else single-quoted */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : shellQuote(word);
}
