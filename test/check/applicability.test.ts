// Which checks apply: the systemd ones only when systemd is PID 1, the per-user ones not for root,
// and those that read the user's own environment not for another user. A check that does not
// apply is `skip` with one line why, never a failure.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { runChecks } from '../../src/check/run-checks.js';
import { CHECK_LIST } from '../../src/check/check-list.js';
import { PRIVATE_RUNTIME_DIR_FIX } from '../../src/check/checks/session-checks.js';
import { observeInit } from '../../src/probe/observe-init.js';
import { createFakeHost } from '../probe/fake-host.js';
import type { HostChange } from './hosts.js';
import { NO_SYSTEMD, checkContext, healthyExcept } from './hosts.js';

async function results(change: HostChange): Promise<Record<string, CheckResult>> {
  const all = await runChecks(CHECK_LIST, await checkContext(healthyExcept(change)));
  return Object.fromEntries(all.map((result) => [result.id, result]));
}

const SYSTEMD_CHECKS = ['systemd-user-session', 'linger', 'cgroup-delegation'];

describe('where systemd is PID 1', () => {
  it('runs the systemd checks', async () => {
    const byId = await results({});
    for (const id of SYSTEMD_CHECKS) expect(byId[id]?.status).toBe('pass');
  });

  it('takes /run/systemd/system as systemd when PID 1 has another name', async () => {
    const host = createFakeHost(
      healthyExcept({ files: { '/proc/1/comm': 'init\n', '/run/systemd/system/x': '' } }),
    );
    expect(await observeInit(host)).toEqual({ pid1: 'init', systemd: true });
  });

  it('runs them when PID 1 cannot be read, and they say what they see', async () => {
    const host = createFakeHost(healthyExcept({ removeFiles: ['/proc/1/comm'] }));
    expect(await observeInit(host)).toEqual({ pid1: undefined, systemd: undefined });
    const byId = await results({ removeFiles: ['/proc/1/comm'] });
    for (const id of SYSTEMD_CHECKS) expect(byId[id]?.status).toBe('pass');
  });
});

describe('without systemd', () => {
  it('skips the systemd checks with the reason, and never fails for them', async () => {
    const byId = await results(NO_SYSTEMD);
    for (const id of SYSTEMD_CHECKS) {
      const { label, ...rest } = byId[id] ?? { label: '' };
      expect(label).not.toBe('');
      expect(rest).toEqual({ id, status: 'skip', evidence: 'no systemd: PID 1 is bash' });
    }
  });

  it('the runtime directory fix is a private directory, not a login session', async () => {
    const byId = await results({ ...NO_SYSTEMD, env: { HOME: '/home/alice' } });
    expect(byId['xdg-runtime-dir']).toEqual({
      id: 'xdg-runtime-dir',
      label: 'XDG_RUNTIME_DIR writable',
      status: 'fail',
      evidence: 'XDG_RUNTIME_DIR is not set',
      entry: 'xdg-runtime-dir-unset',
      fix: {
        text: 'Without systemd nothing creates /run/user/UID: make a private runtime directory and export it (put both in your shell profile).',
        command: 'export XDG_RUNTIME_DIR=$HOME/.docker/run; mkdir -p -m 700 "$XDG_RUNTIME_DIR"',
        root: false,
      },
    });
    expect(PRIVATE_RUNTIME_DIR_FIX.command).not.toMatch(/ssh|loginctl|systemctl/);
  });

  it('a runtime directory you cannot write to gets the same fix', async () => {
    const byId = await results({ ...NO_SYSTEMD, writable: [] });
    expect(byId['xdg-runtime-dir']).toMatchObject({
      status: 'fail',
      evidence: 'XDG_RUNTIME_DIR=/run/user/1000 is not writable by you',
      fix: PRIVATE_RUNTIME_DIR_FIX,
    });
  });

  it('with systemd the runtime directory failure keeps the entry’s own fix', async () => {
    const byId = await results({ env: { HOME: '/home/alice' } });
    expect(byId['xdg-runtime-dir']).toMatchObject({
      status: 'fail',
      entry: 'xdg-runtime-dir-unset',
    });
    expect(byId['xdg-runtime-dir']?.fix).toBeUndefined();
  });

  it('cgroup v2 without systemd warns that limits are ignored', async () => {
    const byId = await results(NO_SYSTEMD);
    expect(byId['cgroup-v2']).toMatchObject({
      status: 'warn',
      evidence: 'cgroup v2, but no systemd: the rootless daemon gets no cgroups and ignores limits',
      entry: 'cgroup-v2-without-systemd',
    });
  });
});

describe('as root', () => {
  it('skips the per-user checks and points to --user', async () => {
    const byId = await results({ user: { uid: 0, gid: 0, name: 'root' } });
    const skipped = Object.values(byId)
      .filter((result) => result.status === 'skip')
      .map((result) => result.id);
    expect(skipped).toEqual([
      'subuid-range',
      'subgid-range',
      'xdg-runtime-dir',
      'systemd-user-session',
      'linger',
      'cgroup-delegation',
      'rootful-socket',
      'docker-host',
    ]);
    expect(byId.linger?.evidence).toBe(
      'not for root: rootless Docker runs as an ordinary user (`check --user NAME`)',
    );
  });

  it('says "no systemd" first when both apply', async () => {
    const byId = await results({ ...NO_SYSTEMD, user: { uid: 0, gid: 0, name: 'root' } });
    expect(byId.linger?.evidence).toBe('no systemd: PID 1 is bash');
    expect(byId['subuid-range']?.evidence).toBe(
      'not for root: rootless Docker runs as an ordinary user (`check --user NAME`)',
    );
  });
});
