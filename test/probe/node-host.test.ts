import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/probe/host.js';
import { createNodeHost } from '../../src/probe/node-host.js';
import { runProbe } from '../../src/probe/run-probe.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'node-host-'));
  mkdirSync(join(root, 'proc/sys/user'), { recursive: true });
  writeFileSync(join(root, 'proc/sys/user/max_user_namespaces'), '0\n');
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  writeFileSync(join(root, 'usr/bin/newuidmap'), '');
  chmodSync(join(root, 'usr/bin/newuidmap'), 0o755);
  writeFileSync(join(root, 'usr/bin/not-executable'), '');
  writeFileSync(join(root, 'big'), 'x'.repeat(100_000));
  mkdirSync(join(root, 'etc'));
  writeFileSync(
    join(root, 'etc/passwd'),
    'root:x:0:0:root:/root:/bin/bash\nalice:x:1001:1002::/home/alice:/bin/bash\n',
  );
  execFileSync('mkfifo', [join(root, 'fifo')]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (host: Host, argv: string[], timeoutMs = 2000, maxBytes = 1000) =>
  host.run(argv, { timeoutMs, maxBytes });

describe('node host: files', () => {
  const host = () => createNodeHost({ env: { PATH: `${root}/usr/bin:relative/bin` } });

  it('reads a file, capped at maxBytes', async () => {
    expect(
      await host().readFile(join(root, 'proc/sys/user/max_user_namespaces'), { maxBytes: 100 }),
    ).toEqual({ status: 'ok', text: '0\n', truncated: false });
    const big = await host().readFile(join(root, 'big'), { maxBytes: 10 });
    expect(big).toEqual({ status: 'ok', text: 'xxxxxxxxxx', truncated: true });
  });

  it('reads /proc files, whose size is reported as 0', async () => {
    const read = await host().readFile('/proc/self/status', { maxBytes: 64 * 1024 });
    expect(read.status === 'ok' && read.text.includes('Uid:')).toBe(true);
  });

  it('tells absent from unreadable, and never opens directories or FIFOs', async () => {
    expect(await host().readFile(join(root, 'nope'), { maxBytes: 10 })).toEqual({
      status: 'absent',
    });
    expect(await host().readFile(join(root, 'big/below-a-file'), { maxBytes: 10 })).toEqual({
      status: 'absent',
    });
    expect(await host().readFile(root, { maxBytes: 10 })).toEqual({
      status: 'error',
      reason: 'not a regular file (directory)',
    });
    expect(await host().readFile(join(root, 'fifo'), { maxBytes: 10 })).toEqual({
      status: 'error',
      reason: 'not a regular file (fifo)',
    });
  });

  it('stats with kind and permission bits', async () => {
    expect(await host().stat(join(root, 'usr/bin/newuidmap'))).toMatchObject({
      status: 'ok',
      info: { kind: 'file', mode: 0o755 },
    });
    expect(await host().stat(join(root, 'fifo'))).toMatchObject({
      status: 'ok',
      info: { kind: 'fifo' },
    });
    expect(await host().stat(join(root, 'nope'))).toEqual({ status: 'absent' });
  });

  it('finds executables on absolute PATH entries only', async () => {
    expect(await host().which('newuidmap')).toBe(`${root}/usr/bin/newuidmap`);
    expect(await host().which('not-executable')).toBeUndefined();
    expect(await host().which('definitely-not-installed-x')).toBeUndefined();
  });

  it('checks writability with access(2)', async () => {
    expect(await host().isWritable(root)).toBe(true);
    expect(await host().isWritable(join(root, 'nope'))).toBe(false);
  });
});

describe('node host: --host-root', () => {
  const host = () => createNodeHost({ root, env: { USER: 'alice', PATH: '/somewhere/else' } });

  it('reads paths under the root and reports them as paths on that host', async () => {
    expect(await host().readFile('/proc/sys/user/max_user_namespaces', { maxBytes: 100 })).toEqual({
      status: 'ok',
      text: '0\n',
      truncated: false,
    });
    expect(await host().which('newuidmap')).toBe('/usr/bin/newuidmap');
    expect(await host().stat('/usr/bin/newuidmap')).toMatchObject({
      status: 'ok',
      info: { kind: 'file' },
    });
  });

  it('runs no commands and cannot judge writability', async () => {
    expect(await run(host(), ['id', '-u'])).toEqual({
      status: 'failed',
      reason: 'commands are not run under --host-root',
    });
    expect(await host().isWritable('/proc')).toBeUndefined();
  });

  it("takes the user from USER, and the uid and gid from the copy's etc/passwd", () => {
    expect(host().user).toEqual({ name: 'alice', uid: 1001, gid: 1002 });
    const stranger = createNodeHost({ root, env: { USER: 'mallory' } });
    expect(stranger.user).toEqual({ name: 'mallory', uid: undefined, gid: undefined });
    const noPasswd = createNodeHost({ root: join(root, 'usr'), env: { USER: 'alice' } });
    expect(noPasswd.user).toEqual({ name: 'alice', uid: undefined, gid: undefined });
  });

  it('runs sysctl probes against the copy', async () => {
    const result = await runProbe(
      { id: 'p', kind: 'sysctl', key: 'user.max_user_namespaces', confirms: { below: 1024 } },
      host(),
    );
    expect(result).toEqual({
      id: 'p',
      verdict: 'confirmed',
      evidence: '/proc/sys/user/max_user_namespaces = 0',
    });
  });
});

describe('node host: commands', () => {
  const host = createNodeHost({ env: { PATH: '/usr/bin:/bin' } });

  it('returns stdout, stderr and the exit code, without a shell', async () => {
    expect(await run(host, ['sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({
      status: 'completed',
      exitCode: 3,
      stdout: 'out\n',
      stderr: 'err\n',
      truncated: false,
    });
    expect(await run(host, ['echo', '$HOME; id'])).toEqual({
      status: 'completed',
      exitCode: 0,
      stdout: '$HOME; id\n',
      stderr: '',
      truncated: false,
    });
  });

  it('kills a command that sleeps at its timeout', async () => {
    const started = Date.now();
    expect(await run(host, ['sleep', '10'], 300)).toEqual({
      status: 'timeout',
      stdout: '',
      stderr: '',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('caps output and stops the child', async () => {
    const started = Date.now();
    const outcome = await run(host, ['yes'], 5000, 1000);
    expect(outcome).toEqual({
      status: 'completed',
      exitCode: undefined,
      stdout: 'y\n'.repeat(500),
      stderr: '',
      truncated: true,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a missing program as failed', async () => {
    expect(await run(host, ['definitely-not-installed-x'])).toEqual({
      status: 'failed',
      reason: 'command not found',
    });
    expect(await run(host, [])).toEqual({ status: 'failed', reason: 'empty command' });
  });
});

describe('a command probe whose command hangs, on a real host', () => {
  // A test-only host: the allowlist keeps `sleep` out of KB probes, so the probe asks for an
  // allowlisted command and this host runs a real `sleep 10` in its place.
  const real = createNodeHost({ env: { PATH: '/usr/bin:/bin' } });
  const sleepy: Host = { ...real, run: (_argv, options) => real.run(['sleep', '10'], options) };

  it('is cut at its timeout and reported unknown', async () => {
    const started = Date.now();
    const result = await runProbe(
      {
        id: 'dbus',
        kind: 'command',
        argv: ['systemctl', '--user', 'is-active', 'dbus'],
        confirms: { equals: 'active' },
      },
      sleepy,
      { timeoutMs: 300 },
    );
    expect(result).toEqual({
      id: 'dbus',
      verdict: 'unknown',
      evidence: 'systemctl --user is-active dbus: no answer within 300 ms',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
