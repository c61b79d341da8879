import { describe, expect, it } from 'vitest';
import type { Check, CheckResult } from '../../src/check/types.js';
import type { CreateCheckContextOptions } from '../../src/check/create-check-context.js';
import { runChecks } from '../../src/check/run-checks.js';
import { CHECK_LIST } from '../../src/check/check-list.js';
import type { HostChange } from './hosts.js';
import { HEALTHY, checkContext, healthyExcept } from './hosts.js';

function check(id: string): Check {
  const found = CHECK_LIST.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

async function outcome(
  id: string,
  change: HostChange,
  options: CreateCheckContextOptions = {},
): Promise<Omit<CheckResult, 'id' | 'label'>> {
  const [result] = await runChecks([check(id)], await checkContext(healthyExcept(change), options));
  if (!result) throw new Error('no result');
  return {
    status: result.status,
    evidence: result.evidence,
    ...(result.entry ? { entry: result.entry } : {}),
    ...(result.fix ? { fix: result.fix } : {}),
  };
}

const NS = '/proc/sys/user/max_user_namespaces';
const APPARMOR = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';
const DELEGATED = '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/cgroup.controllers';

describe('each check', () => {
  it('passes on a host set up for rootless Docker', async () => {
    const results = await runChecks(CHECK_LIST, await checkContext(HEALTHY));
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
  });

  it.each([
    [
      'unprivileged-user',
      { user: { uid: 0, name: 'root' } },
      'warn',
      'uid 0 (root): rootless Docker is for a non-root user; run `check` as that user, or `check --user NAME`',
      'rootless-scripts-run-as-root',
    ],
    [
      'outside-container',
      { files: { '/.dockerenv': '' } },
      'warn',
      '/.dockerenv exists: inside a container, which must allow user namespaces',
      'userns-blocked-inside-container',
    ],
    [
      'outside-container',
      { commands: { 'systemd-detect-virt --container': { stdout: 'podman\n' } } },
      'warn',
      'systemd-detect-virt --container: podman: inside a container, which must allow user namespaces',
      'userns-blocked-inside-container',
    ],
    [
      'outside-container',
      { commands: { 'systemd-detect-virt --container': { failed: 'command not found' } } },
      'pass',
      'no /.dockerenv or /run/.containerenv',
      undefined,
    ],
    [
      'userns-clone',
      { files: { '/proc/sys/kernel/unprivileged_userns_clone': '0\n' } },
      'fail',
      'kernel.unprivileged_userns_clone = 0',
      'userns-clone-disabled',
    ],
    [
      'userns-clone',
      { removeFiles: ['/proc/sys/kernel/unprivileged_userns_clone'] },
      'pass',
      'kernel.unprivileged_userns_clone not present (no such switch)',
      undefined,
    ],
    [
      'userns-clone',
      { files: { '/proc/sys/kernel/unprivileged_userns_clone': { error: 'permission denied' } } },
      'warn',
      '/proc/sys/kernel/unprivileged_userns_clone: permission denied',
      'userns-clone-disabled',
    ],
    [
      'max-user-namespaces',
      { files: { [NS]: '0\n' } },
      'fail',
      'user.max_user_namespaces = 0',
      'max-user-namespaces-too-low',
    ],
    [
      'max-user-namespaces',
      { files: { [NS]: '15\n' } },
      'warn',
      'user.max_user_namespaces = 15 (below 1024)',
      'max-user-namespaces-too-low',
    ],
    [
      'max-user-namespaces',
      { removeFiles: [NS] },
      'fail',
      '/proc/sys/user/max_user_namespaces missing: kernel without user namespaces',
      'max-user-namespaces-too-low',
    ],
    [
      'apparmor-userns',
      { files: { [APPARMOR]: '0\n' } },
      'pass',
      'kernel.apparmor_restrict_unprivileged_userns = 0',
      undefined,
    ],
    [
      'apparmor-userns',
      { files: { [APPARMOR]: '1\n' }, path: {} },
      'warn',
      'kernel.apparmor_restrict_unprivileged_userns = 1; rootlesskit not on PATH yet: it will need an AppArmor profile',
      'apparmor-userns-restriction',
    ],
    [
      'apparmor-userns',
      { files: { [APPARMOR]: '1\n' }, path: { rootlesskit: '/home/alice/bin/rootlesskit' } },
      'fail',
      'kernel.apparmor_restrict_unprivileged_userns = 1; no profile for /home/alice/bin/rootlesskit (/etc/apparmor.d/home.alice.bin.rootlesskit)',
      'apparmor-userns-restriction',
    ],
    [
      'apparmor-userns',
      {
        files: { [APPARMOR]: '1\n', '/etc/apparmor.d/home.alice.bin.rootlesskit': 'profile' },
        path: { rootlesskit: '/home/alice/bin/rootlesskit' },
      },
      'pass',
      'kernel.apparmor_restrict_unprivileged_userns = 1; /etc/apparmor.d/home.alice.bin.rootlesskit covers /home/alice/bin/rootlesskit',
      undefined,
    ],
    [
      'apparmor-userns',
      {
        files: { [APPARMOR]: '1\n', '/etc/apparmor.d/rootlesskit': 'profile' },
        path: { rootlesskit: '/usr/bin/rootlesskit' },
      },
      'pass',
      'kernel.apparmor_restrict_unprivileged_userns = 1; /etc/apparmor.d/rootlesskit covers /usr/bin/rootlesskit',
      undefined,
    ],
    [
      'subuid-range',
      { files: { '/etc/subuid': 'bob:100000:65536\n' } },
      'fail',
      '/etc/subuid has no range for alice, uid 1000',
      'subuid-range-missing',
    ],
    [
      'subuid-range',
      { files: { '/etc/subuid': 'alice:100000:1000\n' } },
      'fail',
      '/etc/subuid: alice:100000:1000 (1000 ids)',
      'subuid-range-too-small',
    ],
    [
      'subgid-range',
      { removeFiles: ['/etc/subgid'] },
      'fail',
      '/etc/subgid does not exist',
      'subuid-range-missing',
    ],
    ['newuidmap', { path: {} }, 'fail', 'newuidmap not found on PATH', 'newuidmap-missing'],
    [
      'newuidmap',
      {
        files: { '/usr/bin/newuidmap': { mode: 0o755 } },
        path: { newuidmap: '/usr/bin/newuidmap', getcap: '/usr/sbin/getcap' },
        commands: { '/usr/sbin/getcap /usr/bin/newuidmap': { stdout: '' } },
      },
      'fail',
      'newuidmap at /usr/bin/newuidmap: no setuid bit, no file capabilities',
      'newuidmap-not-privileged',
    ],
    [
      'newuidmap',
      {
        files: { '/usr/bin/newuidmap': { mode: 0o755 } },
        path: { newuidmap: '/usr/bin/newuidmap', getcap: '/usr/sbin/getcap' },
        commands: {
          '/usr/sbin/getcap /usr/bin/newuidmap': { stdout: '/usr/bin/newuidmap cap_setuid=ep\n' },
        },
      },
      'pass',
      'newuidmap at /usr/bin/newuidmap: file capabilities cap_setuid=ep',
      undefined,
    ],
    [
      'newgidmap',
      { files: { '/usr/bin/newgidmap': { mode: 0o755 } } },
      'warn',
      'newgidmap at /usr/bin/newgidmap: no setuid bit; file capabilities unknown (getcap: command not found)',
      'newuidmap-not-privileged',
    ],
    ['xdg-runtime-dir', { env: {} }, 'fail', 'XDG_RUNTIME_DIR is not set', 'xdg-runtime-dir-unset'],
    [
      'xdg-runtime-dir',
      { env: { XDG_RUNTIME_DIR: '/run/user/1001' } },
      'fail',
      'XDG_RUNTIME_DIR=/run/user/1001 does not exist',
      'xdg-runtime-dir-unset',
    ],
    [
      'xdg-runtime-dir',
      { writable: [] },
      'fail',
      'XDG_RUNTIME_DIR=/run/user/1000 is not writable by you',
      'xdg-runtime-dir-unset',
    ],
    [
      'systemd-user-session',
      { commands: { 'systemctl --user is-active dbus': { stdout: 'inactive\n', exit: 3 } } },
      'fail',
      'systemctl --user is-active dbus: inactive',
      'dbus-user-session-missing',
    ],
    [
      'systemd-user-session',
      {
        commands: {
          'systemctl --user is-active dbus': {
            stderr: 'Failed to connect to bus: No such file or directory\n',
            exit: 1,
          },
        },
      },
      'fail',
      'systemctl --user is-active dbus: exit 1: Failed to connect to bus: No such file or directory',
      'systemctl-user-no-session-bus',
    ],
    [
      'systemd-user-session',
      { commands: { 'systemctl --user is-active dbus': { timeout: true } } },
      'warn',
      'systemctl --user is-active dbus: no answer within 1000 ms',
      'dbus-user-session-missing',
    ],
    [
      'linger',
      { removeFiles: ['/var/lib/systemd/linger/alice'] },
      'warn',
      '/var/lib/systemd/linger/alice does not exist: the daemon stops at logout and does not start at boot',
      'linger-disabled',
    ],
    [
      'cgroup-v2',
      { removeFiles: ['/sys/fs/cgroup/cgroup.controllers'] },
      'warn',
      'cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): container limits are ignored',
      'cgroup-v1-limits-ignored',
    ],
    [
      'cgroup-delegation',
      { files: { [DELEGATED]: 'memory pids\n' } },
      'fail',
      'user@1000.service has memory pids; missing cpu, io',
      'cgroup-controller-not-delegated',
    ],
    [
      'cgroup-delegation',
      { removeFiles: [DELEGATED] },
      'warn',
      `${DELEGATED} does not exist: no systemd user manager for uid 1000`,
      'cgroup-controller-not-delegated',
    ],
    [
      'cgroup-delegation',
      { removeFiles: [DELEGATED, '/sys/fs/cgroup/cgroup.controllers'] },
      'skip',
      'not applicable: needs cgroup v2',
      undefined,
    ],
    [
      'iptables',
      { path: {} },
      'fail',
      'neither iptables nor nft found',
      'iptables-nat-unavailable',
    ],
    [
      'iptables',
      { path: { nft: '/usr/sbin/nft' } },
      'warn',
      'no iptables, only nft at /usr/sbin/nft: dockerd needs iptables unless it is Docker 29 or later with "firewall-backend": "nftables" in daemon.json',
      'iptables-nat-unavailable',
    ],
    [
      'iptables',
      {
        path: { nft: '/usr/sbin/nft', dockerd: '/usr/bin/dockerd' },
        commands: {
          '/usr/bin/dockerd --version': { stdout: 'Docker version 28.5.1, build f8215cc\n' },
        },
      },
      'warn',
      'no iptables, only nft at /usr/sbin/nft: dockerd 28.5.1 needs iptables ("firewall-backend": "nftables" came with Docker 29)',
      'iptables-nat-unavailable',
    ],
    [
      'iptables',
      { path: {}, files: { '/usr/sbin/nft': { mode: 0o755 } } },
      'warn',
      'no iptables, only nft at /usr/sbin/nft: dockerd needs iptables unless it is Docker 29 or later with "firewall-backend": "nftables" in daemon.json',
      'iptables-nat-unavailable',
    ],
    [
      'iptables',
      { path: {}, files: { '/sbin/iptables': { mode: 0o755 } } },
      'pass',
      'iptables at /sbin/iptables',
      undefined,
    ],
    [
      'unprivileged-port-start',
      { files: { '/proc/sys/net/ipv4/ip_unprivileged_port_start': '1024\n' } },
      'warn',
      'net.ipv4.ip_unprivileged_port_start = 1024: publishing ports below 1024 fails',
      'privileged-port-not-allowed',
    ],
    [
      'ping-group-range',
      { files: { '/proc/sys/net/ipv4/ping_group_range': '1\t0\n' } },
      'warn',
      'net.ipv4.ping_group_range = 1 0: ping from containers is disabled',
      'ping-group-range-restricted',
    ],
    [
      'ping-group-range',
      { files: { '/proc/sys/net/ipv4/ping_group_range': '0\t999\n' } },
      'warn',
      'net.ipv4.ping_group_range = 0 999: your gid 1000 is outside it',
      'ping-group-range-restricted',
    ],
    [
      'rootful-socket',
      {
        files: { '/var/run/docker.sock': { kind: 'socket' } },
        writable: ['/run/user/1000', '/var/run/docker.sock'],
      },
      'warn',
      '/var/run/docker.sock exists and is writable by you: a rootful daemon is in reach',
      'rootful-daemon-blocks-install',
    ],
    [
      'rootful-socket',
      { files: { '/var/run/docker.sock': { kind: 'socket' } } },
      'pass',
      '/var/run/docker.sock exists (rootful daemon), not writable by you',
      undefined,
    ],
    [
      'docker-host',
      { env: {}, commands: { 'docker context show': { stdout: 'default\n' } } },
      'warn',
      'DOCKER_HOST is not set and docker context is `default`: the client uses /var/run/docker.sock',
      'client-pointed-at-rootful-socket',
    ],
    [
      'docker-host',
      { env: {}, commands: { 'docker context show': { failed: 'command not found' } } },
      'warn',
      'DOCKER_HOST is not set and the docker context could not be read',
      'client-pointed-at-rootful-socket',
    ],
    [
      'docker-host',
      { env: {} },
      'pass',
      'DOCKER_HOST is not set; docker context `rootless`',
      undefined,
    ],
    [
      'docker-host',
      { env: { DOCKER_HOST: 'unix:///docker.sock' } },
      'fail',
      'DOCKER_HOST=unix:///docker.sock: XDG_RUNTIME_DIR was empty when it was set',
      'docker-host-empty-runtime-dir',
    ],
    [
      'docker-host',
      { env: { DOCKER_HOST: 'unix:///var/run/docker.sock' } },
      'fail',
      'DOCKER_HOST=unix:///var/run/docker.sock is the rootful socket',
      'client-pointed-at-rootful-socket',
    ],
    [
      'docker-host',
      { env: { DOCKER_HOST: 'unix:///run/user/1018/docker.sock' } },
      'fail',
      'DOCKER_HOST=unix:///run/user/1018/docker.sock, but your uid is 1000',
      'docker-host-uid-mismatch',
    ],
    [
      'docker-host',
      { removeFiles: ['/run/user/1000/docker.sock'] },
      'fail',
      'DOCKER_HOST=unix:///run/user/1000/docker.sock: no socket there (daemon not running?)',
      'rootless-daemon-not-running',
    ],
    [
      'docker-host',
      { env: { DOCKER_HOST: 'ssh://alice@build' } },
      'pass',
      'DOCKER_HOST=ssh://alice@build (not a local socket, not checked)',
      undefined,
    ],
  ] as const)('%s: %j', async (id, change, status, evidence, entry) => {
    expect(await outcome(id, change)).toEqual(
      entry === undefined ? { status, evidence } : { status, evidence, entry },
    );
  });
});
