// Pipe mode as it is used on a live daemon: `dockerd-rootless.sh 2>&1 | rootless-doctor` never
// reaches EOF, so a diagnosis must come out while stdin is still open, the summary when the user
// presses Ctrl-C, and `| head -1` must end quietly. These spawn the built CLI (npm run build).
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLI, NODE } from '../helpers/run-cli.js';

// error lines of long-standing KB entries, as rootlesskit and the launcher print them
const LINES = {
  bus: 'Failed to connect to bus: No such file or directory',
  xdg: 'Sep 27 14:44:14 host dockerd-rootless.sh[3117]: could not get XDG_RUNTIME_DIR',
  subuid:
    '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("testuser")',
  userns:
    '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
};

const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', NO_COLOR: '1' };

interface Running {
  child: ChildProcessWithoutNullStreams;
  /** resolves with the next stdout line that satisfies `accept` */
  nextLine(accept: (line: string) => boolean): Promise<string>;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function start(args: string[]): Running {
  const child = spawn(NODE, [CLI, ...args], { env: ENV });
  let stdout = '';
  let stderr = '';
  let seen = 0;
  const waiting: { accept: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  const deliver = () => {
    const lines = stdout.split('\n');
    while (seen < lines.length - 1 && waiting.length > 0) {
      const line = lines[seen++]!;
      const index = waiting.findIndex((w) => w.accept(line));
      if (index >= 0) waiting.splice(index, 1)[0]!.resolve(line);
    }
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    deliver();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    nextLine: (accept) =>
      new Promise((resolve) => {
        waiting.push({ accept, resolve });
        deliver();
      }),
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
  };
}

const isDiagnosisOf = (id: string) => (line: string) =>
  line.includes(`"type":"diagnosis","id":"${id}"`);

describe('streaming', () => {
  test('a matching line written into an open pipe is diagnosed within 100 ms, before EOF', async () => {
    const run = start(['--no-probe', '--json']);
    // the first diagnosis also waits for start-up; the ones after it measure the latency alone
    run.child.stdin.write(`${LINES.bus}\n`);
    await run.nextLine(isDiagnosisOf('systemctl-user-no-session-bus'));
    const latencies: number[] = [];
    for (const [id, line] of [
      ['xdg-runtime-dir-unset', LINES.xdg],
      ['subuid-range-missing', LINES.subuid],
      ['max-user-namespaces-too-low', LINES.userns],
    ] as const) {
      const started = performance.now();
      run.child.stdin.write(`${line}\n`);
      await run.nextLine(isDiagnosisOf(id));
      latencies.push(performance.now() - started);
    }
    expect(run.child.exitCode).toBeNull(); // stdin is still open
    // the median, so that one scheduling hiccup on a busy test machine does not decide
    expect([...latencies].sort((a, b) => a - b)[1]).toBeLessThan(100);
    run.child.stdin.end();
    expect(await run.exited).toBe(1);
    const summary = JSON.parse(run.stdout().trimEnd().split('\n').at(-1)!);
    expect(summary).toMatchObject({ type: 'summary', lines: 4, suggestions: 0 });
    expect(summary.diagnoses.map((d: { id: string }) => d.id).sort()).toEqual([
      'max-user-namespaces-too-low',
      'subuid-range-missing',
      'systemctl-user-no-session-bus',
      'xdg-runtime-dir-unset',
    ]);
  });

  test('SIGINT mid-stream: stops reading, writes the summary as one complete line, exits', async () => {
    const run = start(['--no-probe', '--json']);
    run.child.stdin.write(`starting\n${LINES.userns}\n`);
    await run.nextLine(isDiagnosisOf('max-user-namespaces-too-low'));
    const interrupted = performance.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(1);
    expect(performance.now() - interrupted).toBeLessThan(2000);
    expect(run.stderr()).toBe('');
    const lines = run.stdout().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(JSON.parse(lines.at(-2)!)).toEqual({
      type: 'summary',
      lines: 2,
      diagnoses: [{ id: 'max-user-namespaces-too-low', count: 1, verdict: 'unknown' }],
      suggestions: 0,
    });
  });

  test('text mode writes each diagnosis before stdin closes as well', async () => {
    const run = start(['--no-probe']);
    run.child.stdin.write(`${LINES.userns}\n`);
    const header = await run.nextLine((line) => line.startsWith('? '));
    expect(header).toBe(
      '? The user namespace limit is zero or too low [max-user-namespaces-too-low]',
    );
    run.child.stdin.end();
    expect(await run.exited).toBe(1);
  });
});

describe('a reader that goes away', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-pipe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('`| head -1` ends quietly: no EPIPE trace, no stack, prompt exit', () => {
    // 400 users without a subuid range: 400 diagnoses, far more output than a pipe buffers
    const log = path.join(dir, 'many.log');
    const lines = Array.from(
      { length: 400 },
      (_, n) => `No subuid ranges found for user ${1000 + n} ("user${n}")`,
    );
    writeFileSync(log, `${lines.join('\n')}\n`);
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${NODE}" "${CLI}" --no-probe "${log}" | head -1`],
      { env: ENV, encoding: 'utf8', timeout: 10_000 },
    );
    expect(result.stdout).toBe(
      '? The user has no subordinate UID/GID range [subuid-range-missing]\n',
    );
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect([0, 1]).toContain(result.status);
  });
});
