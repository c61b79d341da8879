// What goes into which bundle file (scripts/bundle.ts), and the checks that keep it so.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metafile, Plugin } from 'esbuild';

/**
 * Modules that dist/cli.js loads only on demand, each bundled on its own to dist/<same path>.js:
 * every command but pipe mode, and the fuzzy search (fuse.js) that pipe mode needs only when an
 * error line matches nothing. A package imported from any module bundled into cli.js would become
 * a static import at its top and load on every run, hence the search module too.
 */
export const LAZY_MODULES = [
  'commands/check',
  'commands/search',
  'commands/show',
  'commands/tui',
  'commands/kb-lint',
  'search/guess-entries',
  'commands/version',
] as const;

/** CommonJS packages bundled into an ES module call require() for node builtins: give them one. */
export const REQUIRE_BANNER =
  "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

/**
 * Ink has a dev mode, entered when DEV=true is in the environment, that a bundled Ink cannot run:
 * it imports React's devtools (react-devtools-core, not installed) and reads Ink's package.json
 * relative to itself, which bundled is dist/package.json, a file that does not exist: the TUI would
 * die before its first frame for a user who happens to have DEV=true set. So the bundle's Ink is
 * never in dev mode, and the devtools module, never loaded, is an empty one.
 */
export const inkWithoutDevModePlugin: Plugin = {
  name: 'ink-without-dev-mode',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}ink${path.sep}`)
        ? { path: 'ink-devtools', namespace: 'ink-without-dev-mode' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ink-without-dev-mode' }, () => ({
      contents: '',
      loader: 'js',
    }));
    const utils = /[\\/]node_modules[\\/]ink[\\/]build[\\/]utils\.js$/;
    build.onLoad({ filter: utils }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const devTest = "process.env['DEV'] === 'true'";
      if (!source.includes(devTest)) {
        return {
          errors: [
            { text: `${args.path} no longer tests ${devTest}: see how Ink enters dev mode` },
          ],
        };
      }
      return { contents: source.replace(devTest, 'false'), loader: 'js' };
    });
  },
};

/** The main bundle: a dynamic import() of a lazy module stays an import() of its own file. */
export function lazyModulesPlugin(srcDir: string): Plugin {
  const lazy = new Set(LAZY_MODULES.map((name) => path.join(srcDir, `${name}.ts`)));
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
        if (!lazy.has(target)) return undefined;
        // relative to dist/cli.js, where this import() ends up
        return {
          path: `./${path.relative(srcDir, target).replace(/\.ts$/, '.js')}`,
          external: true,
        };
      });
    },
  };
}

/**
 * Problems with a finished build, from esbuild's metafile:
 * - dist/cli.js imports nothing but node builtins statically, so pipe mode is one file;
 * - a module that computes a path from import.meta.url (package.json, dist/kb.json, kb/) sits
 *   as deep below the package root in dist/ as in src/, so the relative path means the same thing
 *   bundled and unbundled: src/cli.ts is dist/cli.js, src/DIR/x.ts lands in dist/DIR/ or
 *   dist/chunks/.
 */
export async function checkBundle(root: string, outputs: Metafile['outputs']): Promise<string[]> {
  const problems: string[] = [];
  const main = outputs['dist/cli.js'];
  if (!main) return ['esbuild wrote no dist/cli.js'];
  for (const imported of main.imports) {
    const builtin = imported.path.startsWith('node:') && imported.external;
    const lazy =
      imported.kind === 'dynamic-import' &&
      LAZY_MODULES.some((name) => imported.path === `./${name}.js`);
    if (!builtin && !lazy) {
      problems.push(
        `dist/cli.js ${imported.kind} ${imported.path}: pipe mode must load one file; ` +
          'import packages only from modules in LAZY_MODULES',
      );
    }
  }
  const depth = (file: string): number => file.split('/').length;
  for (const [output, { inputs }] of Object.entries(outputs)) {
    for (const input of Object.keys(inputs).filter((file) => file.startsWith('src/'))) {
      const source = await readFile(path.join(root, input), 'utf8');
      if (source.includes('import.meta') && depth(input) !== depth(output)) {
        problems.push(
          `${input} uses import.meta but is bundled into ${output}, at another depth; ` +
            'compute such paths in src/cli.ts',
        );
      }
    }
  }
  return problems;
}
