// Fake hosts for the check tests: one set up the way rootless Docker wants, and variations of it.
import type { FakeHostSpec } from '../probe/fake-host.js';

export const HEALTHY: FakeHostSpec = {
  user: { uid: 1000, gid: 1000, name: 'alice' },
  env: {
    HOME: '/home/alice',
    XDG_RUNTIME_DIR: '/run/user/1000',
    DOCKER_HOST: 'unix:///run/user/1000/docker.sock',
  },
  files: {
    '/proc/sys/kernel/unprivileged_userns_clone': '1\n',
    '/proc/sys/user/max_user_namespaces': '28633\n',
    '/proc/sys/net/ipv4/ip_unprivileged_port_start': '0\n',
    '/proc/sys/net/ipv4/ping_group_range': '0\t2147483647\n',
    '/proc/1/comm': 'systemd\n',
    '/etc/subuid': 'alice:100000:65536\n',
    '/etc/subgid': 'alice:100000:65536\n',
    '/usr/bin/newuidmap': { mode: 0o4755, uid: 0 },
    '/usr/bin/newgidmap': { mode: 0o4755, uid: 0 },
    '/run/user/1000/docker.sock': { kind: 'socket' },
    '/var/lib/systemd/linger/alice': '',
    '/sys/fs/cgroup/cgroup.controllers': 'cpuset cpu io memory hugetlb pids rdma misc\n',
    '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/cgroup.controllers':
      'cpuset cpu io memory pids\n',
  },
  path: {
    newuidmap: '/usr/bin/newuidmap',
    newgidmap: '/usr/bin/newgidmap',
    slirp4netns: '/usr/bin/slirp4netns',
    iptables: '/usr/sbin/iptables',
  },
  commands: {
    'systemd-detect-virt --container': { stdout: 'none\n', exit: 1 },
    'systemctl --user is-active dbus': { stdout: 'active\n' },
    '/usr/sbin/iptables --version': { stdout: 'iptables v1.8.10 (nf_tables)\n' },
    'docker context show': { stdout: 'rootless\n' },
  },
  writable: ['/run/user/1000'],
};

/** HEALTHY with some files replaced (undefined removes one) and other fields merged. */
export type HostChange = FakeHostSpec & { removeFiles?: readonly string[] };

export function healthyExcept(change: HostChange): FakeHostSpec {
  const files = { ...HEALTHY.files, ...change.files };
  for (const path of change.removeFiles ?? []) delete files[path];
  return {
    user: { ...HEALTHY.user, ...change.user },
    env: change.env ?? HEALTHY.env,
    files,
    path: change.path ?? HEALTHY.path,
    commands: { ...HEALTHY.commands, ...change.commands },
    writable: change.writable ?? HEALTHY.writable,
  };
}
