// The devices, the programs and the network driver the rootless daemon needs, each judged on a
// fake host: exact evidence, entry and, where the check chooses one, the fix.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/types.js';
import { runChecks } from '../../src/check/run-checks.js';
import { CHECK_LIST } from '../../src/check/check-list.js';
import type { HostChange } from './hosts.js';
import { HEALTHY, checkContext, healthyExcept } from './hosts.js';

async function outcome(id: string, change: HostChange): Promise<Omit<CheckResult, 'id' | 'label'>> {
  const check = CHECK_LIST.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  const [result] = await runChecks([check], await checkContext(healthyExcept(change)));
  if (!result) throw new Error('no result');
  const rest: Partial<CheckResult> = { ...result };
  delete rest.id;
  delete rest.label;
  return rest as Omit<CheckResult, 'id' | 'label'>;
}

const CHMOD_TEXT =
  'Let ordinary users open it, as distributions do (mode 0666); in a container, the runtime that creates the device decides its mode.';
const PATH_WITHOUT = (...names: string[]) =>
  Object.fromEntries(Object.entries(HEALTHY.path ?? {}).filter(([name]) => !names.includes(name)));
const RK = (version: string) => ({
  '/usr/bin/rootlesskit --version': { stdout: `rootlesskit version ${version}\n` },
});

describe('/dev/net/tun', () => {
  it.each<[string, HostChange, Omit<CheckResult, 'id' | 'label'>]>([
    [
      'usable by the user',
      {},
      {
        status: 'pass',
        evidence: '/dev/net/tun crw-rw-rw- owner 0 group 0: alice may read and write it',
      },
    ],
    [
      'mode 0600 root',
      {
        files: { '/dev/net/tun': { kind: 'character-device', mode: 0o600 } },
        writable: ['/run/user/1000'],
      },
      {
        status: 'fail',
        evidence: '/dev/net/tun crw------- owner 0 group 0: alice may not read and write it',
        entry: 'tap-device-setup-failed',
        fix: { text: CHMOD_TEXT, command: 'sudo chmod 0666 /dev/net/tun', root: true },
      },
    ],
    [
      'missing',
      { removeFiles: ['/dev/net/tun'] },
      { status: 'fail', evidence: '/dev/net/tun does not exist', entry: 'tap-device-setup-failed' },
    ],
    [
      'not a device',
      { files: { '/dev/net/tun': { mode: 0o666 } } },
      {
        status: 'fail',
        evidence: '/dev/net/tun -rw-rw-rw- owner 0 group 0: a file, not a character device',
        entry: 'tap-device-setup-failed',
      },
    ],
    [
      'cannot be looked at',
      { files: { '/dev/net/tun': { error: 'permission denied' } } },
      {
        status: 'warn',
        evidence: '/dev/net/tun: permission denied',
        entry: 'tap-device-setup-failed',
      },
    ],
    [
      'as root, open to everyone',
      { user: { uid: 0, gid: 0, name: 'root' } },
      {
        status: 'pass',
        evidence: '/dev/net/tun crw-rw-rw- owner 0 group 0: every user may read and write it',
      },
    ],
    [
      'as root, 0600',
      {
        user: { uid: 0, gid: 0, name: 'root' },
        files: { '/dev/net/tun': { kind: 'character-device', mode: 0o600 } },
      },
      {
        status: 'warn',
        evidence:
          '/dev/net/tun crw------- owner 0 group 0: root may open it, a user not in group 0 may not',
        entry: 'tap-device-setup-failed',
      },
    ],
  ])('%s', async (_name, change, expected) => {
    expect(await outcome('tun-device', change)).toEqual(expected);
  });
});

describe('/dev/fuse', () => {
  it('only warns: fuse-overlayfs is the only user of it', async () => {
    expect(await outcome('fuse-device', { removeFiles: ['/dev/fuse'] })).toEqual({
      status: 'warn',
      evidence: '/dev/fuse does not exist (only fuse-overlayfs needs it)',
      entry: 'fuse-device-missing',
    });
    expect(
      await outcome('fuse-device', {
        files: { '/dev/fuse': { kind: 'character-device', mode: 0o600 } },
        writable: [],
      }),
    ).toEqual({
      status: 'warn',
      evidence:
        '/dev/fuse crw------- owner 0 group 0: alice may not read and write it (only fuse-overlayfs needs it)',
      entry: 'fuse-device-missing',
    });
  });

  it('passes when usable', async () => {
    expect(await outcome('fuse-device', {})).toEqual({
      status: 'pass',
      evidence: '/dev/fuse crw-rw-rw- owner 0 group 0: alice may read and write it',
    });
  });
});

describe('the programs', () => {
  it.each<[string, string, HostChange, Omit<CheckResult, 'id' | 'label'>]>([
    [
      'rootlesskit',
      'with its version',
      {},
      { status: 'pass', evidence: 'rootlesskit 2.3.4 at /usr/bin/rootlesskit' },
    ],
    [
      'rootlesskit',
      'missing',
      { path: PATH_WITHOUT('rootlesskit') },
      {
        status: 'fail',
        evidence: 'rootlesskit not found on PATH',
        entry: 'rootless-extras-missing',
      },
    ],
    [
      'rootlesskit',
      'silent',
      { commands: { '/usr/bin/rootlesskit --version': { timeout: true } } },
      {
        status: 'warn',
        evidence:
          'rootlesskit at /usr/bin/rootlesskit, but rootlesskit --version: no answer within 1000 ms',
        entry: 'rootless-extras-missing',
      },
    ],
    [
      'dockerd',
      'with its version',
      {},
      { status: 'pass', evidence: 'dockerd 28.5.1 at /usr/bin/dockerd' },
    ],
    [
      'dockerd',
      'in /usr/sbin only, with a distribution suffix',
      {
        path: PATH_WITHOUT('dockerd'),
        files: { '/usr/sbin/dockerd': { mode: 0o755 } },
        commands: {
          '/usr/sbin/dockerd --version': {
            stdout: 'Docker version 20.10.24+dfsg1, build 5d6db84\n',
          },
        },
      },
      {
        status: 'warn',
        evidence:
          "dockerd 20.10.24+dfsg1 at /usr/sbin/dockerd (not on PATH): dockerd-rootless.sh started by hand finds it only with /usr/sbin on PATH (the setup tool's unit adds it)",
        entry: 'rootless-extras-missing',
      },
    ],
    [
      'dockerd',
      'missing',
      { path: PATH_WITHOUT('dockerd') },
      {
        status: 'fail',
        evidence: 'dockerd not found on PATH, /usr/sbin or /sbin',
        entry: 'rootless-extras-missing',
        fix: {
          text: 'Install Docker Engine first (docker-ce from Docker’s repository, or the distribution’s docker.io): rootless mode runs the same dockerd.',
          root: true,
        },
      },
    ],
    [
      'dockerd-rootless-sh',
      'on PATH',
      {},
      { status: 'pass', evidence: 'dockerd-rootless.sh at /usr/bin/dockerd-rootless.sh' },
    ],
    [
      'dockerd-rootless-sh',
      'missing',
      { path: PATH_WITHOUT('dockerd-rootless.sh') },
      {
        status: 'fail',
        evidence: 'dockerd-rootless.sh not found on PATH',
        entry: 'rootless-extras-missing',
      },
    ],
    [
      'dockerd-rootless-sh',
      'shipped off PATH by Debian’s docker.io',
      {
        path: PATH_WITHOUT('dockerd-rootless.sh'),
        files: {
          '/usr/share/docker.io/contrib/dockerd-rootless.sh': { mode: 0o755 },
          '/usr/share/docker.io/contrib/dockerd-rootless-setuptool.sh': { mode: 0o755 },
        },
      },
      {
        status: 'fail',
        evidence:
          'dockerd-rootless.sh not found on PATH; the docker.io package put it in /usr/share/docker.io/contrib',
        entry: 'rootless-extras-missing',
        fix: {
          text: 'Debian’s docker.io ships the rootless scripts outside PATH: link them into /usr/local/bin.',
          command:
            'sudo ln -s /usr/share/docker.io/contrib/dockerd-rootless.sh /usr/share/docker.io/contrib/dockerd-rootless-setuptool.sh /usr/local/bin/',
          root: true,
        },
      },
    ],
  ])('%s: %s', async (id, _name, change, expected) => {
    expect(await outcome(id, change)).toEqual(expected);
  });

  it('asks each program for its version once, however many checks need it', async () => {
    const context = await checkContext(HEALTHY);
    const host = context.host as unknown as { ran: string[][] };
    await runChecks(CHECK_LIST, context);
    const asked = host.ran
      .map((argv) => argv.join(' '))
      .filter((argv) => argv.endsWith('--version'));
    expect(asked.sort()).toEqual([
      '/usr/bin/dockerd --version',
      '/usr/bin/rootlesskit --version',
      '/usr/bin/slirp4netns --version',
      '/usr/sbin/iptables --version',
    ]);
  });
});

describe('the network driver for the installed RootlessKit', () => {
  const onlyPasta = { ...PATH_WITHOUT('slirp4netns'), pasta: '/usr/bin/pasta' };
  it.each<[string, HostChange, Omit<CheckResult, 'id' | 'label'>]>([
    [
      'slirp4netns',
      {},
      { status: 'pass', evidence: 'slirp4netns 1.2.3 at /usr/bin/slirp4netns (RootlessKit 2.3.4)' },
    ],
    [
      'pasta with RootlessKit 2',
      { path: onlyPasta },
      { status: 'pass', evidence: 'pasta at /usr/bin/pasta (RootlessKit 2.3.4)' },
    ],
    [
      'only pasta with RootlessKit 1',
      { path: onlyPasta, commands: RK('1.1.0') },
      {
        status: 'fail',
        evidence: 'pasta needs RootlessKit 2.0 or later (RootlessKit 1.1.0 here)',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'none with RootlessKit 1',
      { path: PATH_WITHOUT('slirp4netns'), commands: RK('1.1.0') },
      {
        status: 'fail',
        evidence: 'none of slirp4netns or vpnkit on PATH: RootlessKit 1.1.0 needs one',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'none with RootlessKit 2',
      { path: PATH_WITHOUT('slirp4netns') },
      {
        status: 'fail',
        evidence: 'none of slirp4netns, pasta or vpnkit on PATH: RootlessKit 2.3.4 needs one',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'none with RootlessKit 3',
      { path: PATH_WITHOUT('slirp4netns'), commands: RK('3.0.0') },
      {
        status: 'pass',
        evidence:
          'no slirp4netns, pasta or vpnkit: RootlessKit 3.0.0 uses its built-in gvisor-tap-vsock',
      },
    ],
    [
      'none and no RootlessKit',
      { path: PATH_WITHOUT('slirp4netns', 'rootlesskit') },
      {
        status: 'warn',
        evidence:
          'neither slirp4netns, pasta nor vpnkit on PATH (RootlessKit not found; RootlessKit 3.0 or later has a built-in driver)',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'vpnkit with RootlessKit 1',
      {
        path: { ...PATH_WITHOUT('slirp4netns'), vpnkit: '/usr/bin/vpnkit' },
        commands: RK('1.1.0'),
      },
      { status: 'pass', evidence: 'vpnkit at /usr/bin/vpnkit (RootlessKit 1.1.0)' },
    ],
    [
      'slirp4netns older than 0.4.0',
      {
        commands: {
          ...RK('1.1.0'),
          '/usr/bin/slirp4netns --version': { stdout: 'slirp4netns version 0.3.0\n' },
        },
      },
      {
        status: 'fail',
        evidence: 'slirp4netns 0.3.0 is older than 0.4.0 (RootlessKit 1.1.0 here)',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'pasta forced with RootlessKit 1',
      {
        env: { ...HEALTHY.env, DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'pasta' },
        path: { ...HEALTHY.path, pasta: '/usr/bin/pasta' },
        commands: RK('1.1.0'),
      },
      {
        status: 'fail',
        evidence:
          'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=pasta, but pasta needs RootlessKit 2.0 or later (RootlessKit 1.1.0 here)',
        entry: 'network-driver-unsupported-by-rootlesskit',
      },
    ],
    [
      'pasta forced, not installed',
      { env: { ...HEALTHY.env, DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'pasta' } },
      {
        status: 'fail',
        evidence: 'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=pasta, but pasta is not on PATH',
        entry: 'network-binary-missing-or-old',
      },
    ],
    [
      'gvisor-tap-vsock forced with RootlessKit 2',
      { env: { ...HEALTHY.env, DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'gvisor-tap-vsock' } },
      {
        status: 'fail',
        evidence:
          'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=gvisor-tap-vsock, but RootlessKit 2.3.4 has no such driver (3.0 or later)',
        entry: 'network-driver-unsupported-by-rootlesskit',
      },
    ],
    [
      'slirp4netns forced and installed',
      { env: { ...HEALTHY.env, DOCKERD_ROOTLESS_ROOTLESSKIT_NET: 'slirp4netns' } },
      {
        status: 'pass',
        evidence:
          'DOCKERD_ROOTLESS_ROOTLESSKIT_NET=slirp4netns; slirp4netns 1.2.3 at /usr/bin/slirp4netns',
      },
    ],
  ])('%s', async (_name, change, expected) => {
    expect(await outcome('network-driver', change)).toEqual(expected);
  });
});
