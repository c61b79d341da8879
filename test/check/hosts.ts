// Fake hosts for the check tests: one set up the way rootless Docker wants, variations of it, and
// the context the checks of one run share.
import type { FakeHostSpec } from '../probe/fake-host.js';
import { createFakeHost } from '../probe/fake-host.js';
import type { CheckContext } from '../../src/check/types.js';
import type { CreateCheckContextOptions } from '../../src/check/create-check-context.js';
import { createCheckContext } from '../../src/check/create-check-context.js';

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
    '/etc/passwd':
      'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/sh\n',
    '/etc/group': 'root:x:0:\ndocker:x:999:\nalice:x:1000:\nbob:x:1001:\n',
    '/etc/subuid': 'alice:100000:65536\n',
    '/etc/subgid': 'alice:100000:65536\n',
    '/usr/bin/newuidmap': { mode: 0o4755, uid: 0 },
    '/usr/bin/newgidmap': { mode: 0o4755, uid: 0 },
    '/run/user/1000/docker.sock': { kind: 'socket' },
    '/var/lib/systemd/linger/alice': '',
    '/sys/fs/cgroup/cgroup.controllers': 'cpuset cpu io memory hugetlb pids rdma misc\n',
    '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/cgroup.controllers':
      'cpuset cpu io memory pids\n',
    '/dev/net/tun': { kind: 'character-device', mode: 0o666 },
    '/dev/fuse': { kind: 'character-device', mode: 0o666 },
  },
  path: {
    newuidmap: '/usr/bin/newuidmap',
    newgidmap: '/usr/bin/newgidmap',
    slirp4netns: '/usr/bin/slirp4netns',
    iptables: '/usr/sbin/iptables',
    rootlesskit: '/usr/bin/rootlesskit',
    dockerd: '/usr/bin/dockerd',
    'dockerd-rootless.sh': '/usr/bin/dockerd-rootless.sh',
  },
  commands: {
    'systemd-detect-virt --container': { stdout: 'none\n', exit: 1 },
    'systemctl --user is-active dbus': { stdout: 'active\n' },
    '/usr/sbin/iptables --version': { stdout: 'iptables v1.8.10 (nf_tables)\n' },
    '/usr/bin/rootlesskit --version': { stdout: 'rootlesskit version 2.3.4\n' },
    '/usr/bin/dockerd --version': { stdout: 'Docker version 28.5.1, build f8215cc\n' },
    '/usr/bin/slirp4netns --version': {
      stdout: 'slirp4netns version 1.2.3\ncommit: c22fde291bb35b354e6ca44d13be181c76a0a432\n',
    },
    'docker context show': { stdout: 'rootless\n' },
  },
  writable: ['/run/user/1000', '/dev/net/tun', '/dev/fuse'],
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

/** HEALTHY without systemd: PID 1 is a shell, no user manager, no linger, no delegation. */
export const NO_SYSTEMD: HostChange = {
  files: { '/proc/1/comm': 'bash\n' },
  removeFiles: [
    '/var/lib/systemd/linger/alice',
    '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/cgroup.controllers',
  ],
  commands: {
    'systemctl --user is-active dbus': {
      stderr: "System has not been booted with systemd as init system (PID 1). Can't operate.\n",
      exit: 1,
    },
  },
};

export async function checkContext(
  spec: FakeHostSpec,
  options: CreateCheckContextOptions = {},
): Promise<CheckContext> {
  const created = await createCheckContext(createFakeHost(spec), options);
  if (!created.ok) throw new Error(created.problem);
  return created.context;
}
