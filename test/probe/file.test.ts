import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { FakeHostSpec } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

const HOME = { HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000' };

function file(path: string, confirms: ProbeCondition, spec: FakeHostSpec) {
  const host = createFakeHost({ env: HOME, ...spec });
  return runProbe({ id: 'f', kind: 'file', path, confirms }, host).then((result) => ({
    result,
    read: host.read,
  }));
}

describe('file probes', () => {
  it.each([
    [
      'missing: true, absent',
      '/etc/docker/daemon.json',
      { missing: true },
      {},
      'confirmed',
      '/etc/docker/daemon.json does not exist',
    ],
    [
      'missing: true, present',
      '/etc/docker/daemon.json',
      { missing: true },
      { '/etc/docker/daemon.json': '{}' },
      'ruled-out',
      '/etc/docker/daemon.json: {}',
    ],
    [
      'missing: false, present',
      '/etc/docker/daemon.json',
      { missing: false },
      { '/etc/docker/daemon.json': '{}' },
      'confirmed',
      '/etc/docker/daemon.json: {}',
    ],
    [
      'matches, satisfied',
      '/proc/self/status',
      { matches: 'Seccomp:\\s+2' },
      { '/proc/self/status': 'Name:\tx\nSeccomp:\t2\n' },
      'confirmed',
      '/proc/self/status: Seccomp: 2',
    ],
    [
      'matches, not satisfied',
      '/proc/self/status',
      { matches: 'Seccomp:\\s+2' },
      { '/proc/self/status': 'Seccomp:\t0\n' },
      'ruled-out',
      '/proc/self/status: Seccomp: 0',
    ],
    [
      'equals compares the trimmed content',
      '/proc/1/comm',
      { equals: 'systemd' },
      { '/proc/1/comm': 'systemd\n' },
      'confirmed',
      '/proc/1/comm: systemd',
    ],
    [
      'equals, not satisfied',
      '/proc/1/comm',
      { equals: 'systemd' },
      { '/proc/1/comm': 'bash\n' },
      'ruled-out',
      '/proc/1/comm: bash',
    ],
    [
      // absence is evidence only for `missing`: an absent file's content cannot be told
      'absent cannot tell equals',
      '/proc/1/comm',
      { equals: 'systemd' },
      {},
      'unknown',
      '/proc/1/comm does not exist',
    ],
    [
      'an empty file',
      '/etc/subuid',
      { matches: 'alice' },
      { '/etc/subuid': '' },
      'ruled-out',
      '/etc/subuid is empty',
    ],
  ] as const)('%s', async (_name, path, confirms, files, verdict, evidence) => {
    expect((await file(path, confirms, { files })).result).toEqual({ id: 'f', verdict, evidence });
  });

  it('quotes the line a matches condition is about in a many-line file', async () => {
    const status =
      'Name:\tdockerd\nUmask:\t0022\nNoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n';
    const ruledOut = await file(
      '/proc/self/status',
      { matches: 'Seccomp:\\s+2' },
      { files: { '/proc/self/status': status } },
    );
    expect(ruledOut.result).toEqual({
      id: 'f',
      verdict: 'ruled-out',
      evidence: '/proc/self/status: Seccomp: 0',
    });
    const mounts = 'proc /proc proc rw 0 0\n/dev/sda1 / ext4 rw 0 0\n';
    const none = await file(
      '/proc/self/mounts',
      { matches: '\\snfs4?\\s' },
      { files: { '/proc/self/mounts': mounts } },
    );
    expect(none.result).toEqual({
      id: 'f',
      verdict: 'ruled-out',
      evidence: '/proc/self/mounts: no line matches `\\snfs4?\\s`',
    });
    const nfs = await file(
      '/proc/self/mounts',
      { matches: '\\snfs4?\\s' },
      { files: { '/proc/self/mounts': `${mounts}srv:/home /home nfs4 rw 0 0\n` } },
    );
    expect(nfs.result).toEqual({
      id: 'f',
      verdict: 'confirmed',
      evidence: '/proc/self/mounts: srv:/home /home nfs4 rw 0 0',
    });
  });

  it('expands ~/, $HOME, $USER, $UID and $XDG_RUNTIME_DIR from the host', async () => {
    const files = {
      '/home/alice/.config/docker/daemon.json': '{}',
      '/var/lib/systemd/linger/alice': '',
      '/sys/fs/cgroup/user.slice/user-1000.slice/cgroup.controllers': 'cpu',
      '/run/user/1000/docker.sock': { kind: 'socket' as const },
    };
    for (const path of [
      '~/.config/docker/daemon.json',
      '$HOME/.config/docker/daemon.json',
      '/var/lib/systemd/linger/$USER',
      '/sys/fs/cgroup/user.slice/user-${UID}.slice/cgroup.controllers',
      '$XDG_RUNTIME_DIR/docker.sock',
    ]) {
      expect((await file(path, { missing: false }, { files })).result.verdict).toBe('confirmed');
    }
  });

  it('is unknown when a variable the path needs is not set', async () => {
    const { result, read } = await file(
      '$XDG_RUNTIME_DIR/docker.sock',
      { missing: true },
      { env: {} },
    );
    expect(result).toEqual({
      id: 'f',
      verdict: 'unknown',
      evidence: '$XDG_RUNTIME_DIR/docker.sock: $XDG_RUNTIME_DIR is not set',
    });
    expect(read).toEqual([]);
  });

  it('refuses variables other than the host ones', async () => {
    const { result } = await file('/tmp/$PWD/x', { missing: true }, {});
    expect(result).toEqual({
      id: 'f',
      verdict: 'unknown',
      evidence: '/tmp/$PWD/x: unsupported variable $PWD',
    });
  });

  it('treats a device, socket or directory as present without opening it', async () => {
    const { result, read } = await file(
      '/dev/net/tun',
      { missing: false },
      { files: { '/dev/net/tun': { kind: 'character-device' } } },
    );
    expect(result).toEqual({
      id: 'f',
      verdict: 'confirmed',
      evidence: '/dev/net/tun exists (character device)',
    });
    expect(read).toEqual([]);
    const dir = await file(
      '/etc/apparmor.d',
      { missing: false },
      { files: { '/etc/apparmor.d/rootlesskit': 'x' } },
    );
    expect(dir.result).toEqual({
      id: 'f',
      verdict: 'confirmed',
      evidence: '/etc/apparmor.d exists (directory)',
    });
  });

  it('is unknown when the file cannot be read', async () => {
    const { result } = await file(
      '/etc/shadow',
      { missing: true },
      { files: { '/etc/shadow': { error: 'permission denied' } } },
    );
    expect(result).toEqual({
      id: 'f',
      verdict: 'unknown',
      evidence: '/etc/shadow: permission denied',
    });
  });

  it('strips control characters and escape sequences from file content in evidence', async () => {
    const { result } = await file(
      '/proc/1/comm',
      { equals: 'x' },
      { files: { '/proc/1/comm': 'evil\u001b]52;c;aGk=\u0007\u001b[2J\rname\u202e' } },
    );
    expect(result.evidence).toBe('/proc/1/comm: evil ]52;c;aGk= [2J name');
  });
});
