// The single executable (`npm run sea`, scripts/build-sea.ts) on a host without Node.js: PATH is
// an empty directory, so nothing can fall back to a `node` there, and the binary must diagnose a
// real log exactly as dist/cli.js does. Skipped when build/sea/rootless-doctor was not built; .ci/run
// builds it and sets ROOTLESS_DOCTOR_SEA_REQUIRED=1, so that a missing binary fails there. The
// binary carries the KB it was built with: after changing kb/ or src/, `npm run sea` again.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CliResult } from '../helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEA = path.join(ROOT, 'build', 'sea', 'rootless-doctor');
const LOGS = path.join(ROOT, 'test', 'fixtures', 'logs');
const REQUIRED = process.env.ROOTLESS_DOCTOR_SEA_REQUIRED === '1';
const BUILT = existsSync(SEA);
const STALE = 'built from an older kb/ or src/? run `npm run sea` again';

/** an empty directory as the whole PATH: no node, no shell tools */
const EMPTY_PATH = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-sea-path-'));
afterAll(() => rmSync(EMPTY_PATH, { recursive: true, force: true }));

function runSea(args: readonly string[], input?: Buffer): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(SEA, args, {
      cwd: EMPTY_PATH,
      env: { PATH: EMPTY_PATH, HOME: EMPTY_PATH, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

test.runIf(REQUIRED)('the single executable was built (ROOTLESS_DOCTOR_SEA_REQUIRED=1)', () => {
  expect(BUILT, `${SEA} is missing: run \`npm run sea\``).toBe(true);
});

describe.skipIf(!BUILT)(
  'the single executable with no node on PATH (runs once `npm run sea` built build/sea/rootless-doctor)',
  () => {
    test('is a native program, not a script that needs node', () => {
      const head = Buffer.alloc(4);
      readSync(openSync(SEA, 'r'), head, 0, 4, 0);
      expect(head.toString('latin1')).toBe('\x7fELF');
    });

    test('--version prints the package version', async () => {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      expect(await runSea(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    });

    test('diagnoses a real log piped to it, word for word as pinned for dist/cli.js', async () => {
      const name = 'apparmor-ubuntu-2404-journal';
      const log = readFileSync(path.join(LOGS, `${name}.log`));
      const expected = readFileSync(path.join(LOGS, `${name}.expected.txt`), 'utf8');
      expect(expected).toContain('[apparmor-userns-restriction]');
      expect(await runSea(['--no-probe'], log), STALE).toEqual({
        code: 1,
        stdout: expected,
        stderr: '',
      });
    });

    test('reads a log file named on the command line, as JSON Lines', async () => {
      const name = 'dbus-reset-wrapped-terminal';
      const expected = readFileSync(path.join(LOGS, `${name}.expected.jsonl`), 'utf8');
      const result = await runSea(['--no-probe', '--json', path.join(LOGS, `${name}.log`)]);
      expect(result, STALE).toEqual({ code: 1, stdout: expected, stderr: '' });
    });

    test('shows an entry from the knowledge base it carries', async () => {
      const result = await runSea(['show', 'max-user-namespaces-too-low']);
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n').slice(0, 2)).toEqual([
        'The user namespace limit is zero or too low',
        'max-user-namespaces-too-low · error · userns, sysctl, daemon-start',
      ]);
    });

    test('kb lint, whose tools it leaves out, says where to get it', async () => {
      expect(await runSea(['kb', 'lint'])).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'rootless-doctor: `kb lint` is not part of the single executable; it comes with the npm package (npm install -g rootless-doctor)\n',
      });
    });
  },
);
