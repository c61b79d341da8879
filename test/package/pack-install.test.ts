// The package as users get it: `npm pack`, installed globally into a fresh prefix, run from a
// directory outside the source tree. Pins what the tarball holds, what the install weighs, that
// every command works without the source tree or the authoring packages, and that `kb lint` then
// says how to add them, and with them runs in seconds with its cache under XDG_CACHE_HOME, never
// inside the install.
//
// Packs the dist/ that `npm run build` made (--ignore-scripts: prepack would rebuild it). Needs
// the npm registry or npm's cache (--prefer-offline uses what `npm ci` left there).
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LAZY_MODULES } from '../../scripts/bundle-rules.js';
import { AUTHORING_PACKAGES } from '../../src/commands/authoring-packages.js';
import { runCli, type CliResult } from '../helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};
const LOGS = path.join(ROOT, 'test/fixtures/logs');
const HOST = path.join(ROOT, 'test/fixtures/hosts/ubuntu-2404-apparmor');
const NPM_QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let work: string;
let prefix: string;
let bin: string;
let home: string;
let xdg: string;
let packed: { files: string[]; stderr: string };

/** a process with a fixed environment: node on PATH, a temporary HOME, no colour */
function run(
  file: string,
  args: readonly string[],
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        cwd: options.cwd ?? work,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
          HOME: home,
          XDG_CACHE_HOME: xdg,
          NO_COLOR: '1',
          npm_config_cache:
            process.env.npm_config_cache ?? path.join(process.env.HOME ?? '/root', '.npm'),
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr, ms: performance.now() - started });
      },
    );
    child.stdin?.on('error', () => {}); // a program that reads no input may exit first
    child.stdin?.end(options.input ?? '');
  });
}

/** every file under dir, relative to it */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-pack-'));
  prefix = path.join(work, 'prefix');
  home = path.join(work, 'home');
  xdg = path.join(work, 'xdg-cache');
  mkdirSync(home);
  bin = path.join(prefix, 'bin', 'rootless-doctor');
  const npm = ['pack', '--ignore-scripts', '--json', '--pack-destination', work];
  const pack = await run('npm', npm, { cwd: ROOT });
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = { files: info!.files.map((file) => file.path).sort(), stderr: pack.stderr };
  const install = await run('npm', [
    'install',
    '--global',
    '--prefix',
    prefix,
    path.join(work, info!.filename),
    ...NPM_QUIET,
  ]);
  expect(install.code, install.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('holds the built CLI, the compiled KB, the KB sources, README, LICENSE and nothing else', () => {
    const unexpected = packed.files.filter(
      (file) =>
        !/^(package\.json|README\.md|LICENSE|dist\/.+\.js|dist\/kb\.json|kb\/[a-z0-9-]+\.md|kb\/README\.md|kb\/\.regex-safety-cache\.json)$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
    for (const essential of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/cli.js',
      'dist/kb.json',
      ...LAZY_MODULES.map((name) => `dist/${name}.js`),
      'kb/.regex-safety-cache.json',
    ]) {
      expect(packed.files).toContain(essential);
    }
    // dist/ as scripts/bundle.ts lays it out: the entry, the lazily loaded modules, their chunks
    const lazy = new Set(LAZY_MODULES.map((name) => `dist/${name}.js`));
    const strayBuilt = packed.files.filter(
      (file) =>
        file.startsWith('dist/') &&
        !/^dist\/(cli\.js|kb\.json|chunks\/[\w-]+\.js)$/.test(file) &&
        !lazy.has(file),
    );
    expect(strayBuilt).toEqual([]);
    expect(packed.stderr).not.toMatch(/warn/i);
  });

  test('the LICENSE is the Apache License 2.0 that package.json names', () => {
    const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    expect(
      license
        .split('\n')
        .slice(0, 3)
        .map((line) => line.trim()),
    ).toEqual(['Apache License', 'Version 2.0, January 2004', 'http://www.apache.org/licenses/']);
    expect(license).toContain('END OF TERMS AND CONDITIONS');
    expect(license.trimEnd().endsWith('limitations under the License.')).toBe(true);
  });
});

describe('installed into a fresh prefix', () => {
  test('brings no package (everything that runs is bundled) and weighs what the build made', async () => {
    expect(PKG.dependencies).toBeUndefined();
    const installed = path.join(prefix, 'lib/node_modules');
    expect(readdirSync(installed)).toEqual(['rootless-doctor']);
    expect(existsSync(path.join(installed, 'rootless-doctor/node_modules'))).toBe(false);
    // the bound is 15 MB; the bundles and the KB are about 3 MB, and a bound near that
    // catches a package or a source map slipping into dist/
    const du = await run('du', ['-sk', prefix]);
    const kilobytes = Number(du.stdout.split('\t')[0]);
    expect(kilobytes).toBeGreaterThan(1000);
    expect(kilobytes).toBeLessThanOrEqual(5 * 1024);
  });

  test('--version prints the package version', async () => {
    expect(await run(bin, ['--version'])).toMatchObject({
      code: 0,
      stdout: `${PKG.version}\n`,
      stderr: '',
    });
  });

  test('pipe mode reads a real log on stdin and prints what the source tree expects', async () => {
    const log = readFileSync(path.join(LOGS, 'apparmor-ubuntu-2404-journal.log'), 'utf8');
    const json = await run(bin, ['--no-probe', '--json'], { input: log });
    expect(json.stdout).toBe(
      readFileSync(path.join(LOGS, 'apparmor-ubuntu-2404-journal.expected.jsonl'), 'utf8'),
    );
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const text = await run(bin, ['--no-probe', '-'], { input: log });
    expect(text.stdout).toBe(
      readFileSync(path.join(LOGS, 'apparmor-ubuntu-2404-journal.expected.txt'), 'utf8'),
    );
    expect(text.code).toBe(1);
  });

  test('search, show and check print exactly what the built source tree prints', async () => {
    const cases = [
      ['search', 'max_user_namespaces'],
      ['search', '--json', 'newuidmap', 'setuid'],
      ['show', 'max-user-namespaces-too-low'],
      ['show', '--json', 'apparmor-userns-restriction'],
      ['check', '--host-root', HOST],
      ['check', '--json', '--host-root', HOST],
    ];
    const env = { USER: 'alice', HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000' };
    for (const args of cases) {
      const [installed, source] = await Promise.all([
        run(bin, args, { env }),
        runCli(args, { env }),
      ]);
      expect({ args, ...installed, ms: undefined }).toEqual({ args, ...source, ms: undefined });
    }
    // and what they print is the real thing, not two matching failures
    const show = await run(bin, ['show', '--json', 'max-user-namespaces-too-low']);
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: 'max-user-namespaces-too-low' });
    const search = await run(bin, ['search', '--json', 'max_user_namespaces']);
    expect(search.code).toBe(0);
    const check = await run(bin, ['check', '--json', '--host-root', HOST], { env });
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).checks.length).toBeGreaterThan(20);
  });
});

describe('kb lint from the global install', () => {
  const authoring = AUTHORING_PACKAGES;

  test('without the authoring packages: one line with the npm command that adds them, exit 2; with them, seconds, cache under XDG', async () => {
    // recheck exactly as the shipped answers were made, so that they count
    const cached = JSON.parse(readFileSync(path.join(ROOT, 'kb/.regex-safety-cache.json'), 'utf8'));
    const recheck = /^recheck (\d+\.\d+\.\d+),/.exec(String(cached.analyser))?.[1];
    expect(recheck).toBe(PKG.devDependencies.recheck?.replace(/^\^/, ''));
    const ranges: Record<string, string | undefined> = { ...PKG.devDependencies, recheck };
    const words = authoring.map((name) => `${name}@${ranges[name]}`);
    // as a shell needs them: `^` quoted, a plain version not
    const specs = words.map((word) => (/^[\w@.-]+$/.test(word) ? word : `'${word}'`));
    const missing = await run(bin, ['kb', 'lint']);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `rootless-doctor: kb lint needs the KB authoring packages, which a plain install leaves out (unified is missing); install them with: npm install -g --prefix ${prefix} ${specs.join(' ')}\n`,
    });

    // the command it names, as a user would paste it (quotes removed as the shell does)
    const install = await run('npm', ['install', '-g', '--prefix', prefix, ...words, ...NPM_QUIET]);
    expect(install.code, install.stderr).toBe(0);
    const before = listFiles(prefix);

    // the bundled KB: every regex is in the committed cache, so nothing is analysed or written
    const bundled = path.join(prefix, 'lib/node_modules/rootless-doctor/kb');
    const entries = readdirSync(bundled).filter(
      (name) => name.endsWith('.md') && name !== 'README.md',
    );
    const clean = await run(bin, ['kb', 'lint']);
    expect(clean).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `${bundled}: ${entries.length} entries, no issues\n`,
    });
    expect(clean.ms).toBeLessThan(10_000);
    expect(existsSync(xdg)).toBe(false);

    // a KB of its own with five new regexes: analysed once, with progress, cached under XDG
    const token = path
      .basename(work)
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase();
    mkdirSync(path.join(work, 'mykb'));
    writeFileSync(path.join(work, 'mykb', 'frobnicator-exploded.md'), madeUpEntry(token));
    const first = await run(bin, ['kb', 'lint', 'mykb']);
    const cacheFile = path.join(xdg, 'rootless-doctor', 'regex-safety.json');
    expect(first.code, first.stdout).toBe(0);
    expect(first.stderr).toMatch(
      new RegExp(
        `^kb lint: analysing regexes for catastrophic backtracking \\(only once: the answers are cached\\)…\nkb lint: analysed 5 regexes in \\d+\\.\\d s; cached in ${escapeRegex(cacheFile)}\nmykb: 1 entry, no issues\n$`,
      ),
    );
    expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).regexes)).toHaveLength(5);
    const second = await run(bin, ['kb', 'lint', 'mykb']);
    expect(second).toMatchObject({ code: 0, stdout: '', stderr: 'mykb: 1 entry, no issues\n' });

    // no cache directory that can be written (a file stands where it would go, which stops root
    // too): still lints, and says the answers are not kept
    const blocked = path.join(work, 'not-a-directory');
    writeFileSync(blocked, '');
    const unwritable = await run(bin, ['kb', 'lint', 'mykb'], {
      env: { XDG_CACHE_HOME: blocked, HOME: blocked },
    });
    expect(unwritable.code).toBe(0);
    expect(unwritable.stderr).toContain('kb lint: analysed 5 regexes in ');
    expect(unwritable.stderr).toContain(
      's; no writable cache directory ($XDG_CACHE_HOME or ~/.cache), so the next run analyses them again\n',
    );

    // the install directory is as npm left it: no cache inside it
    expect(listFiles(prefix)).toEqual(before);
  }, 120_000);
});

/** one entry whose five regexes no cache can know (the token is this run's directory name) */
function madeUpEntry(token: string): string {
  const numbers = [1, 2, 3, 4, 5];
  return [
    '---',
    'title: A made-up frobnicator failure for the kb lint cache test',
    'summary: The frobnicator exploded; nothing real.',
    'severity: error',
    'role: cause',
    'tags: [test]',
    'keywords: [frobnicator]',
    'signatures:',
    ...numbers.map((n) => `  - regex: 'frobnicator ${token}-${n} exploded at (?:step|stage) \\d+'`),
    'fixes:',
    '  - text: Nothing to do.',
    '    root: false',
    'examples:',
    '  match:',
    ...numbers.flatMap((n) => [
      `    - text: 'frobnicator ${token}-${n} exploded at step 3'`,
      '      captures: {}',
    ]),
    '  no-match:',
    "    - 'frobnicator idle'",
    'links:',
    '  - https://example.com/frobnicator',
    '---',
    '',
    '## Cause',
    '',
    'The frobnicator is made up for a test.',
    '',
    '## Fix',
    '',
    'Nothing to do.',
    '',
  ].join('\n');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
