// `check --user NAME`: root (or anyone) checks another user's setup. The user comes from
// /etc/passwd through the Host; their groups from /etc/group; file access is judged from modes;
// their PATH and environment cannot be known, and the checks say so.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { runChecks } from '../../src/check/run-checks.js';
import { CHECK_LIST } from '../../src/check/check-list.js';
import { createCheckContext } from '../../src/check/create-check-context.js';
import { findAccount, findGroups } from '../../src/check/read-accounts.js';
import { formatMode, formatOctal, modeAllows } from '../../src/check/file-access.js';
import type { FileInfo } from '../../src/probe/host.js';
import { createFakeHost } from '../probe/fake-host.js';
import type { HostChange } from './hosts.js';
import { NO_SYSTEMD, checkContext, healthyExcept } from './hosts.js';

/** Root on a host where bob (uid 1001) is set up; alice's environment is the caller's. */
const BOB: HostChange = {
  user: { uid: 0, gid: 0, name: 'root' },
  env: { HOME: '/root', PATH: '/usr/sbin:/usr/bin' },
  files: {
    '/etc/group': 'root:x:0:\ndocker:x:999:alice,bob\nbob:x:1001:\n',
    '/etc/subuid': 'alice:100000:65536\nbob:165536:65536\n',
    '/etc/subgid': 'alice:100000:65536\n1001:165536:65536\n',
    '/run/user/1001': { kind: 'directory', uid: 1001, mode: 0o700 },
    '/run/user/1001/bus': { kind: 'socket', uid: 1001 },
    '/var/lib/systemd/linger/bob': '',
    '/usr/bin/rootlesskit': { mode: 0o755 },
    '/usr/bin/dockerd': { mode: 0o755 },
    '/home/bob/bin/dockerd-rootless.sh': { mode: 0o755, uid: 1001 },
    '/usr/bin/slirp4netns': { mode: 0o755 },
    '/usr/sbin/iptables': { mode: 0o755 },
    '/dev/net/tun': { kind: 'character-device', mode: 0o660, gid: 999 },
  },
  // the caller's PATH lookups must not be used for bob
  path: { rootlesskit: '/root/bin/rootlesskit' },
};

async function asBob(change: HostChange = {}): Promise<Record<string, CheckResult>> {
  const merged = healthyExcept({
    ...BOB,
    ...change,
    files: { ...BOB.files, ...change.files },
    removeFiles: change.removeFiles,
  });
  const results = await runChecks(CHECK_LIST, await checkContext(merged, { user: 'bob' }));
  return Object.fromEntries(results.map((result) => [result.id, result]));
}

const evidence = (byId: Record<string, CheckResult>, id: string) =>
  `${byId[id]?.status} ${byId[id]?.evidence}`;

describe('check --user bob, run by root', () => {
  it('checks bob: his ids, runtime directory, linger, D-Bus, programs and devices', async () => {
    const byId = await asBob();
    expect(evidence(byId, 'unprivileged-user')).toBe(
      'pass uid 1001 (bob), checked from uid 0: their PATH and environment cannot be known, so programs are looked up in the standard directories and ~/bin',
    );
    expect(evidence(byId, 'subuid-range')).toBe('pass /etc/subuid: bob:165536:65536 (65536 ids)');
    expect(evidence(byId, 'subgid-range')).toBe('pass /etc/subgid: 1001:165536:65536 (65536 ids)');
    expect(evidence(byId, 'xdg-runtime-dir')).toBe("pass /run/user/1001 is bob's, mode 0700");
    expect(evidence(byId, 'systemd-user-session')).toBe(
      "pass /run/user/1001/bus exists: bob's user D-Bus is up",
    );
    expect(evidence(byId, 'linger')).toBe('pass /var/lib/systemd/linger/bob exists');
    expect(evidence(byId, 'cgroup-delegation')).toMatch(/^warn .*user@1001\.service/);
    expect(evidence(byId, 'rootlesskit')).toBe('pass rootlesskit 2.3.4 at /usr/bin/rootlesskit');
    expect(evidence(byId, 'dockerd-rootless-sh')).toBe(
      'pass dockerd-rootless.sh at /home/bob/bin/dockerd-rootless.sh',
    );
    expect(evidence(byId, 'tun-device')).toBe(
      'pass /dev/net/tun crw-rw---- owner 0 group 999: bob may read and write it',
    );
    expect(evidence(byId, 'docker-host')).toBe("skip bob's environment cannot be seen from here");
  });

  it('says where it looked when a program is missing, since his PATH cannot be known', async () => {
    const byId = await asBob({ removeFiles: ['/usr/bin/rootlesskit'] });
    expect(byId.rootlesskit).toMatchObject({
      status: 'fail',
      evidence:
        "rootlesskit not found in the standard directories or /home/bob/bin (bob's PATH cannot be known)",
      entry: 'rootless-extras-missing',
    });
  });

  it('judges devices and sockets by mode and his groups, not by what root may do', async () => {
    const byId = await asBob({
      files: {
        '/etc/group': 'root:x:0:\ndocker:x:999:alice,bob\nbob:x:1001:\n',
        '/dev/net/tun': { kind: 'character-device', mode: 0o600 },
        '/var/run/docker.sock': { kind: 'socket', mode: 0o660, gid: 999 },
      },
    });
    expect(byId['tun-device']).toMatchObject({
      status: 'fail',
      evidence: '/dev/net/tun crw------- owner 0 group 0: bob may not read and write it',
    });
    expect(evidence(byId, 'rootful-socket')).toBe(
      'warn /var/run/docker.sock exists and is writable by bob: a rootful daemon is in reach',
    );
  });

  it('his runtime directory: missing, or someone else’s', async () => {
    const missing = await asBob({ removeFiles: ['/run/user/1001', '/run/user/1001/bus'] });
    expect(missing['xdg-runtime-dir']).toMatchObject({
      status: 'warn',
      evidence:
        '/run/user/1001 does not exist: logind creates it when bob logs in (or at boot with linger)',
      entry: 'xdg-runtime-dir-unset',
    });
    expect(evidence(missing, 'systemd-user-session')).toBe(
      'warn no /run/user/1001/bus: bob has no user D-Bus now (not logged in, or no dbus-user-session)',
    );
    const stolen = await asBob({
      files: { '/run/user/1001': { kind: 'directory', uid: 0, mode: 0o755 } },
    });
    expect(evidence(stolen, 'xdg-runtime-dir')).toBe(
      'fail /run/user/1001 belongs to uid 0, not to bob',
    );
  });

  it('without systemd: the systemd checks are skipped and he must export the directory himself', async () => {
    const byId = await asBob({ files: { ...NO_SYSTEMD.files } });
    expect(evidence(byId, 'linger')).toBe('skip no systemd: PID 1 is bash');
    expect(evidence(byId, 'xdg-runtime-dir')).toBe(
      "pass /run/user/1001 is bob's, mode 0700 (without systemd bob must export XDG_RUNTIME_DIR)",
    );
    const none = await asBob({
      files: { ...NO_SYSTEMD.files },
      removeFiles: ['/run/user/1001', '/run/user/1001/bus'],
    });
    expect(evidence(none, 'xdg-runtime-dir')).toBe(
      'warn /run/user/1001 does not exist and without systemd nothing creates it: bob must make a private one and export XDG_RUNTIME_DIR',
    );
  });

  it('a forced network driver in the caller’s environment is not taken for his', async () => {
    const byId = await asBob({
      env: { HOME: '/root', DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'pasta' },
    });
    expect(evidence(byId, 'network-driver')).toBe(
      'pass slirp4netns 1.2.3 at /usr/bin/slirp4netns (RootlessKit 2.3.4)',
    );
  });
});

describe('looking the user up', () => {
  const host = (change: HostChange = {}) => createFakeHost(healthyExcept(change));

  it.each([
    ['nosuchuser', 'rootless-doctor: --user nosuchuser: no such user in /etc/passwd'],
    ['a b', 'rootless-doctor: --user a b: not a user name'],
    ['-rf', 'rootless-doctor: --user -rf: not a user name'],
  ])('%s', async (name, message) => {
    const created = await createCheckContext(host(), { user: name });
    expect(created).toEqual({ ok: false, problem: message.replace('rootless-doctor: ', '') });
  });

  it('says when /etc/passwd cannot be read', async () => {
    expect(
      await createCheckContext(host({ removeFiles: ['/etc/passwd'] }), { user: 'bob' }),
    ).toEqual({ ok: false, problem: '--user bob: /etc/passwd does not exist' });
  });

  it('takes a numeric uid, and yourself as yourself', async () => {
    const byUid = await createCheckContext(host({ user: { uid: 0, gid: 0, name: 'root' } }), {
      user: '1001',
    });
    expect(byUid.ok && byUid.context.host.user).toEqual({ uid: 1001, gid: 1001, name: 'bob' });
    const self = await createCheckContext(host(), { user: 'alice' });
    expect(self.ok && self.context.subject).toBe('self');
  });

  it('parses passwd and group lines', () => {
    const passwd =
      'root:x:0:0:root:/root:/bin/bash\n# x\nbroken\nbob:x:1001:100::/home/bob:/bin/sh\n';
    expect(findAccount(passwd, 'bob')).toEqual({
      name: 'bob',
      uid: 1001,
      gid: 100,
      home: '/home/bob',
    });
    expect(findAccount(passwd, '0')?.name).toBe('root');
    expect(findAccount(passwd, 'bo')).toBeUndefined();
    expect(
      findGroups('users:x:100:\ndocker:x:999:alice, bob\nkvm:x:36:bobby\n', 'bob', 100),
    ).toEqual([100, 999]);
  });
});

describe('file modes', () => {
  const info = (mode: number, kind: FileInfo['kind'] = 'character-device'): FileInfo => ({
    kind,
    mode,
    uid: 0,
    gid: 999,
    size: 0,
  });

  it('are judged as the kernel does for owner, group and others', () => {
    const bob = { uid: 1001, groups: [1001] };
    expect(modeAllows(info(0o666), bob, 'write')).toBe(true);
    expect(modeAllows(info(0o600), bob, 'read')).toBe(false);
    expect(modeAllows(info(0o660), { uid: 1001, groups: [1001, 999] }, 'write')).toBe(true);
    expect(modeAllows(info(0o606), { uid: 1001, groups: [999] }, 'read')).toBe(false);
    expect(modeAllows(info(0o000), { uid: 0, groups: [] }, 'write')).toBe(true);
    expect(modeAllows(info(0o600), { uid: undefined, groups: [] }, 'read')).toBeUndefined();
  });

  it('print like ls', () => {
    expect(formatMode(info(0o666))).toBe('crw-rw-rw-');
    expect(formatMode(info(0o4755, 'file'))).toBe('-rwsr-xr-x');
    expect(formatMode(info(0o1777, 'directory'))).toBe('drwxrwxrwt');
    expect(formatMode(info(0o2644, 'file'))).toBe('-rw-r-Sr--');
    expect(formatOctal(info(0o700, 'directory'))).toBe('0700');
  });
});
