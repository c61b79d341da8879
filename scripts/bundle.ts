// Bundles src/ into dist/ with esbuild (part of `npm run build`), so that a run starts fast:
//   dist/cli.js              the entry and all of pipe mode in ONE file (no chunk, no package),
//                            since pipe mode is what runs on every `… | rootless-doctor`
//   dist/commands/NAME.js    each other command, loaded by cli.js only when it runs, and
//   dist/search/…            the fuzzy search: see LAZY_MODULES in bundle-rules.ts
//   dist/chunks/*.js         code those share (the TUI's and search's, for instance)
// Packages are bundled too, but the authoring tools of `kb lint` (AUTHORING_PACKAGES), so the
// package has no runtime dependencies.
// Type checking is `npm run typecheck`; esbuild only strips types.
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { AUTHORING_PACKAGES } from '../src/commands/authoring-packages.js';
import {
  checkBundle,
  LAZY_MODULES,
  lazyModulesPlugin,
  inkWithoutDevModePlugin,
  REQUIRE_BANNER,
} from './bundle-rules.js';
import { loadRuleSet } from '../src/kb/load-rule-set.js';
import { writeKbJson } from './write-kb-json.js';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');

const NODE_TARGET = 'node20.19';

const started = performance.now();
// modules of an earlier build (or of the per-file tsc build before this one) must not linger;
// the compiled KB is scripts/build-kb.ts's
const old = await readdir(dist).catch(() => []);
for (const name of old.filter((name) => name !== 'kb.json')) {
  await rm(path.join(dist, name), { recursive: true, force: true });
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  define: { ROOTLESS_DOCTOR_SEA: 'false' },
  metafile: true,
  logLevel: 'warning',
} as const;

const [main, lazy] = await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outfile: 'dist/cli.js',
    packages: 'external',
    plugins: [lazyModulesPlugin(path.join(root, 'src'))],
  }),
  build({
    ...common,
    entryPoints: Object.fromEntries(LAZY_MODULES.map((name) => [name, `src/${name}.ts`])),
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // ink, react and fuse.js are bundled: the TUI's first frame no longer waits for Node to find,
    // read and scan a hundred package files, and an install brings no package at all; React in
    // its production build, as a shipped app runs it. kb lint's authoring tools stay packages
    // (recheck runs a native binary of its own, 57 MB): a plain install leaves them out and kb
    // lint names the command that adds them (src/commands/authoring-packages.ts).
    external: [...AUTHORING_PACKAGES],
    define: { ...common.define, 'process.env.NODE_ENV': '"production"' },
    banner: { js: REQUIRE_BANNER },
    plugins: [inkWithoutDevModePlugin],
  }),
]);

const problems = await checkBundle(root, { ...main.metafile.outputs, ...lazy.metafile.outputs });
if (problems.length > 0) {
  for (const problem of problems) console.error(`bundle: ${problem}`);
  process.exit(1);
}
// The prefilter stored in the compiled KB is derived by the code just bundled: refresh it, so that
// a change to src/match/ never meets tables the previous code built (build-kb.ts writes it too).
const kbFile = path.join(dist, 'kb.json');
if (existsSync(kbFile)) {
  try {
    await writeKbJson(kbFile, loadRuleSet(kbFile));
  } catch (error) {
    // a broken or stale kb.json stays as it is, for build-kb.ts to replace or the CLI to report
    console.error(`bundle: dist/kb.json left as it is: ${(error as Error).message}`);
  }
}
const files = Object.keys(main.metafile.outputs).length + Object.keys(lazy.metafile.outputs).length;
const ms = Math.round(performance.now() - started);
console.error(`bundle: wrote dist/cli.js and ${files - 1} lazily loaded files (${ms} ms)`);
