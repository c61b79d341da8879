// `npm run sea` (after `npm run build`): build/sea/rootless-doctor, one executable for hosts
// without Node.js, with Node's single executable application support (`node --build-sea`):
// - the runtime is the official Node.js binary SEA_NODE from the npm registry (the `node` package,
//   through `npm exec`), the same on every machine that builds it, not whatever node runs npm;
// - src/cli.ts and everything it may load (ink, react, fuse.js) bundled into one ES module, since
//   the executable has no node_modules; `kb lint` is left out (its tools need files on disk);
// - dist/kb.json and package.json ride along as SEA assets, where src/cli.ts reads them when
//   ROOTLESS_DOCTOR_SEA is true.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { inkWithoutDevModePlugin, REQUIRE_BANNER } from './bundle-rules.js';

/**
 * Node 26 is the first line to run an ES module as the SEA's main script ("mainFormat": "module"),
 * which the TUI needs (yoga-layout awaits its WebAssembly at the top level), and to build the
 * executable itself (--build-sea, no postject). It is the Active LTS line. Pinned to a release so
 * that every build embeds the same runtime; raise it for security releases.
 */
const SEA_NODE = '26.10.0';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'build', 'sea');
const main = path.join(out, 'rootless-doctor.mjs');
const executable = path.join(out, 'rootless-doctor');
const kb = path.join(root, 'dist', 'kb.json');

if (!existsSync(kb)) {
  console.error('sea: dist/kb.json is missing; run `npm run build` first');
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outfile: main,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: `node${SEA_NODE}`,
  define: { ROOTLESS_DOCTOR_SEA: 'true', 'process.env.NODE_ENV': '"production"' },
  banner: { js: REQUIRE_BANNER },
  plugins: [inkWithoutDevModePlugin],
  legalComments: 'eof',
  logLevel: 'warning',
});

const config = path.join(out, 'sea-config.json');
writeFileSync(
  config,
  `${JSON.stringify(
    {
      main,
      mainFormat: 'module',
      output: executable,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
      assets: { 'kb.json': kb, 'package.json': path.join(root, 'package.json') },
    },
    null,
    2,
  )}\n`,
);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args: string[]) =>
  spawnSync(npm, ['exec', '--yes', `--package=node@${SEA_NODE}`, '--', 'node', ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });

const version = run(['--version']).stdout?.trim();
if (version !== `v${SEA_NODE}`) {
  console.error(`sea: npm exec gave node ${version ?? '(none)'}, expected v${SEA_NODE}`);
  process.exit(1);
}
const built = run(['--build-sea', config]);
if (built.status !== 0) {
  console.error(`sea: node --build-sea failed (exit ${built.status})\n${built.stdout}`);
  process.exit(1);
}
const megabytes = (statSync(executable).size / 1024 / 1024).toFixed(0);
console.error(`sea: wrote build/sea/rootless-doctor (${megabytes} MB, Node.js ${version})`);
