// Part of `npm run build` (called by compile.ts, once the modules are in dist/): bundles the
// interactive view (src/ui, with Ink and React) into the one file commands/tui.ts loads,
// dist/ui/render-app.js, and removes the other dist/ui modules, which nothing loads any more.
//
// Why: Ink brings some 40 packages and 25 MB on disk (es-toolkit alone is thousands of files): an
// install weighed more than everything else together. Bundled, the TUI is one 1 MB file,
// and ink and react are devDependencies. React is built for production, as a released TUI should run.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

// Ink imports its React devtools (react-devtools-core, ws) only when DEV=true. A bundle would hoist
// those imports to its top and fail to load without them; in their place comes a module that fails
// the way a missing package does, which Ink answers with its own hint.
const withoutDevtools: Plugin = {
  name: 'without-ink-devtools',
  setup(bundler) {
    bundler.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}ink${path.sep}`)
        ? { path: 'ink-devtools', namespace: 'stub' }
        : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      loader: 'js',
      contents:
        "throw Object.assign(new Error('react-devtools-core is not bundled'), { code: 'ERR_MODULE_NOT_FOUND' });",
    }));
  },
};

export async function bundleUi(root: string): Promise<void> {
  const started = performance.now();
  const outfile = path.join(root, 'dist', 'ui', 'render-app.js');
  // what package.json installs anyway (fuse.js) is loaded from there, not copied into the bundle
  const { dependencies = {} } = JSON.parse(
    await readFile(path.join(root, 'package.json'), 'utf8'),
  ) as {
    dependencies?: Record<string, string>;
  };
  await build({
    entryPoints: [path.join(root, 'src', 'ui', 'render-app.tsx')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: Object.keys(dependencies),
    plugins: [withoutDevtools],
    define: { 'process.env.NODE_ENV': '"production"' },
    // some of Ink's CommonJS dependencies call require() for node builtins
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });

  const uiDir = path.dirname(outfile);
  for (const name of await readdir(uiDir)) {
    if (name !== path.basename(outfile)) await rm(path.join(uiDir, name), { recursive: true });
  }
  const milliseconds = Math.round(performance.now() - started);
  console.error(
    `ui: bundled Ink, React and src/ui into dist/ui/render-app.js (${milliseconds} ms)`,
  );
}
