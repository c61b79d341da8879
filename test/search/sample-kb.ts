// A small, fixed knowledge base for search and UI tests, modelled on real entries: the real KB
// grows every day, and exact frames and rankings must not change with it.
import type { CompiledEntry, CompiledSignature, RuleSet } from '../../src/kb/types.js';

type SampleEntry = Omit<
  CompiledEntry,
  'signatures' | 'role' | 'sharesWith' | 'examples' | 'affects' | 'symptoms'
> & {
  signatures: [regex: string, literal: string][];
};

function entry(sample: SampleEntry): CompiledEntry {
  const signatures: CompiledSignature[] = sample.signatures.map(([regex, literal]) => ({
    regex,
    literal,
    ere: regex,
    specificity: literal.length,
  }));
  return {
    ...sample,
    role: 'cause',
    sharesWith: [],
    affects: {},
    symptoms: [],
    examples: { match: [], noMatch: [] },
    signatures,
  };
}

export const maxUserNamespaces = entry({
  id: 'max-user-namespaces-too-low',
  title: 'The user namespace limit is zero or too low',
  summary:
    'rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the "no space left on device" is about namespaces, not the disk.',
  severity: 'error',
  tags: ['userns', 'sysctl', 'daemon-start'],
  keywords: ['no space left on device', 'max_user_namespaces', 'user namespaces', 'ENOSPC'],
  signatures: [
    [
      'fork/exec /proc/self/exe: no space left on device',
      'fork/exec /proc/self/exe: no space left on device',
    ],
    [
      '/proc/sys/user/max_user_namespaces needs to be set to non-zero',
      '/proc/sys/user/max_user_namespaces needs to be set to non-zero',
    ],
  ],
  captures: {},
  probes: [
    {
      id: 'max-user-namespaces-value',
      kind: 'sysctl',
      key: 'user.max_user_namespaces',
      confirms: { below: 1024 },
    },
  ],
  fixes: [
    {
      text: 'Raise the limit now and on every boot.',
      command:
        "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
      root: true,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
  cause:
    'The kernel caps how many user namespaces each user may hold with the sysctl\n`user.max_user_namespaces`. When the cap is 0, `clone()` fails with `ENOSPC`, which Go\nreports as "no space left on device". **The disk is fine.**',
  fix: 'Set the limit in a file under `/etc/sysctl.d/` so it survives reboots:\n\n- load it with `sudo sysctl --system`;\n- start the daemon again.',
});

export const usernsCloneDisabled = entry({
  id: 'userns-clone-disabled',
  title: 'Unprivileged user namespaces are switched off by kernel.unprivileged_userns_clone',
  summary:
    'A Debian or Arch kernel has kernel.unprivileged_userns_clone set to 0, so rootlesskit is not allowed to create the user namespace the daemon runs in.',
  severity: 'error',
  tags: ['userns', 'sysctl', 'daemon-start'],
  keywords: ['operation not permitted', 'unprivileged_userns_clone', 'user namespaces'],
  signatures: [
    ['fork/exec /proc/self/exe: [Oo]peration not permitted', 'fork/exec /proc/self/exe: '],
  ],
  captures: {},
  probes: [
    {
      id: 'userns-clone-sysctl',
      kind: 'sysctl',
      key: 'kernel.unprivileged_userns_clone',
      confirms: { equals: '0' },
    },
  ],
  fixes: [
    {
      text: 'Allow unprivileged user namespaces now and on every boot.',
      command:
        "echo 'kernel.unprivileged_userns_clone=1' | sudo tee /etc/sysctl.d/50-rootless.conf && sudo sysctl --system",
      root: true,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
  cause: 'Debian and Arch kernels carry a patch with a switch for unprivileged user namespaces.',
  fix: 'Set `kernel.unprivileged_userns_clone=1`.',
});

export const subuidRangeMissing = entry({
  id: 'subuid-range-missing',
  title: 'The user has no subordinate UID/GID range',
  summary:
    '/etc/subuid or /etc/subgid has no line for the current user, so rootlesskit cannot build the UID/GID map.',
  severity: 'error',
  tags: ['userns', 'subuid', 'daemon-start'],
  keywords: ['No subuid ranges found', '/etc/subuid', '/etc/subgid', 'subordinate ids'],
  signatures: [
    [
      'No sub[ug]id ranges found for user (?<uid>\\d+) \\("(?<user>[^"\\s]+)"\\)',
      'id ranges found for user ',
    ],
  ],
  captures: { uid: '\\d{1,10}', user: '[a-z_][a-z0-9_.-]{0,31}\\$?' },
  probes: [
    {
      id: 'subuid-range',
      kind: 'subid',
      file: '/etc/subuid',
      confirms: { missing: true },
      otherwise: 'unknown',
    },
  ],
  fixes: [
    {
      text: 'Give the user 65,536 subordinate UIDs and GIDs.',
      command: 'sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
      root: true,
    },
    {
      text: 'Restart the rootless daemon so that rootlesskit reads the new ranges.',
      command: 'systemctl --user restart docker',
      root: false,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
  cause: 'rootlesskit maps the user namespace onto the range in `/etc/subuid`.',
  fix: 'Add a range of 65,536 ids for the user.',
});

export const dbusUserSessionMissing = entry({
  id: 'dbus-user-session-missing',
  title: "No D-Bus user session for the rootless daemon's cgroup manager",
  summary:
    "runc asks the user's systemd over D-Bus to create each container's scope, but no user bus is running.",
  severity: 'error',
  tags: ['dbus', 'systemd', 'cgroup-v2'],
  keywords: ['failed to connect to dbus', 'dbus-user-session', 'DBUS_SESSION_BUS_ADDRESS'],
  signatures: [
    [
      '[Ff]ailed to connect to dbus \\(hint: for rootless containers, maybe you need to install dbus-user-session package',
      'ailed to connect to dbus (hint: for rootless containers, maybe you need to install dbus-user-session package',
    ],
  ],
  captures: {},
  probes: [],
  fixes: [
    {
      text: 'Install the D-Bus user session, then log out and in again.',
      command: 'sudo apt-get install -y dbus-user-session',
      root: true,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
  cause: 'No user bus is running.',
  fix: 'Install `dbus-user-session`.',
});

export const cgroupControllerNotDelegated = entry({
  id: 'cgroup-controller-not-delegated',
  title: 'systemd does not delegate the cpu, cpuset or io controller to the user',
  summary:
    "The user's systemd manager received only some cgroup controllers, so CPU and I/O limits are refused.",
  severity: 'warning',
  tags: ['cgroups', 'systemd', 'delegation'],
  keywords: ['NanoCPUs can not be set', 'Delegate=', 'cgroup.controllers'],
  signatures: [['NanoCPUs can not be set', 'NanoCPUs can not be set']],
  captures: {},
  probes: [],
  fixes: [
    {
      text: 'Delegate the controllers to every user manager.',
      command:
        "printf '[Service]\\nDelegate=cpu cpuset io memory pids\\n' | sudo tee /etc/systemd/system/user@.service.d/delegate.conf",
      root: true,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/tips/'],
  cause: 'Only some controllers are delegated.',
  fix: 'Delegate them.',
});

export const SAMPLE_ENTRIES: CompiledEntry[] = [
  cgroupControllerNotDelegated,
  dbusUserSessionMissing,
  maxUserNamespaces,
  subuidRangeMissing,
  usernsCloneDisabled,
];

export const SAMPLE_RULE_SET: RuleSet = { format: 2, entries: SAMPLE_ENTRIES };
