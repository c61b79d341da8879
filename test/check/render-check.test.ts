import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/kb/types.js';
import type { CheckResult } from '../../src/check/types.js';
import { renderCheckText } from '../../src/check/render-check-text.js';
import { renderCheckJson } from '../../src/check/render-check-json.js';
import { summarizeChecks } from '../../src/check/summarize-checks.js';
import { runCheck } from '../../src/commands/check.js';
import { chooseFix, fixFits, retargetFix } from '../../src/check/find-entry-fix.js';
import type { CommandIO, GlobalOptions } from '../../src/command-io.js';
import { createFakeHost } from '../probe/fake-host.js';
import { healthyExcept } from './hosts.js';

const RULE_SET: RuleSet = {
  format: 2,
  entries: [
    {
      id: 'subuid-range-missing',
      title: 'No subordinate id range',
      summary: '',
      severity: 'error',
      role: 'cause',
      tags: [],
      keywords: [],
      signatures: [],
      captures: {},
      sharesWith: [],
      affects: {},
      symptoms: [],
      probes: [],
      examples: { match: [], noMatch: [] },
      links: [],
      cause: '',
      fix: '',
      fixes: [
        {
          text: 'Give the user 65536 subordinate uids and gids.',
          command: 'sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
          root: true,
        },
        { text: 'Second fix, not shown.', root: false },
      ],
    },
  ],
};

const RESULTS: CheckResult[] = [
  {
    id: 'unprivileged-user',
    label: 'running as an ordinary user',
    status: 'pass',
    evidence: 'uid 1000 (alice)',
  },
  {
    id: 'linger',
    label: 'linger enabled',
    status: 'warn',
    evidence: '/var/lib/systemd/linger/alice does not exist',
    entry: 'linger-disabled',
  },
  {
    id: 'subuid-range',
    label: 'subuid range ≥ 65536',
    status: 'fail',
    evidence: '/etc/subuid has no range for alice, uid 1000',
    entry: 'subuid-range-missing',
  },
  {
    id: 'newuidmap',
    label: 'newuidmap privileged',
    status: 'fail',
    evidence: 'newuidmap not found on PATH',
    entry: 'newuidmap-missing',
  },
  {
    id: 'iptables',
    label: 'iptables or nftables',
    status: 'error',
    evidence: 'check failed: boom',
  },
];

describe('the text report', () => {
  it('prints one aligned line per check, the entry under warnings, the entry and first fix under failures', () => {
    expect(
      renderCheckText(RESULTS, summarizeChecks(RESULTS), { color: false, ruleSet: RULE_SET }).split(
        '\n',
      ),
    ).toEqual([
      '✓ running as an ordinary user  uid 1000 (alice)',
      '! linger enabled               /var/lib/systemd/linger/alice does not exist',
      '  → see linger-disabled',
      '✗ subuid range ≥ 65536         /etc/subuid has no range for alice, uid 1000',
      '  → subuid-range-missing: Give the user 65536 subordinate uids and gids.',
      '    $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}   # needs root',
      '✗ newuidmap privileged         newuidmap not found on PATH',
      '  → newuidmap-missing',
      '? iptables or nftables         check failed: boom',
      '',
      '5 checks: 1 passed, 1 warning, 2 failed, 1 could not run',
      '',
    ]);
  });

  it('colours only the status marks and the command', () => {
    const text = renderCheckText(RESULTS.slice(0, 3), summarizeChecks(RESULTS.slice(0, 3)), {
      color: true,
      ruleSet: RULE_SET,
    });
    // the theme's roles (report/styled-text.ts): passed green, warning bold yellow, problem bold red
    expect(text.split('\n').slice(0, 6)).toEqual([
      '\u001b[32m✓\u001b[0m running as an ordinary user  uid 1000 (alice)',
      '\u001b[1;33m!\u001b[0m linger enabled               /var/lib/systemd/linger/alice does not exist',
      '  → see linger-disabled',
      '\u001b[1;31m✗\u001b[0m subuid range ≥ 65536         /etc/subuid has no range for alice, uid 1000',
      '  → subuid-range-missing: Give the user 65536 subordinate uids and gids.',
      '    \u001b[36m$ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}\u001b[0m\u001b[1;33m   # needs root\u001b[0m',
    ]);
  });
});

describe('the JSON report', () => {
  it('is one document with entry for warnings and failures and the fix for failures in the KB', () => {
    const json: unknown = JSON.parse(renderCheckJson(RESULTS, summarizeChecks(RESULTS), RULE_SET));
    expect(json).toEqual({
      checks: [
        {
          id: 'unprivileged-user',
          label: 'running as an ordinary user',
          status: 'pass',
          evidence: 'uid 1000 (alice)',
        },
        {
          id: 'linger',
          label: 'linger enabled',
          status: 'warn',
          evidence: '/var/lib/systemd/linger/alice does not exist',
          entry: 'linger-disabled',
        },
        {
          id: 'subuid-range',
          label: 'subuid range ≥ 65536',
          status: 'fail',
          evidence: '/etc/subuid has no range for alice, uid 1000',
          entry: 'subuid-range-missing',
          fix: {
            text: 'Give the user 65536 subordinate uids and gids.',
            command:
              'sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
            root: true,
          },
        },
        {
          id: 'newuidmap',
          label: 'newuidmap privileged',
          status: 'fail',
          evidence: 'newuidmap not found on PATH',
          entry: 'newuidmap-missing',
        },
        {
          id: 'iptables',
          label: 'iptables or nftables',
          status: 'error',
          evidence: 'check failed: boom',
        },
      ],
      summary: { total: 5, pass: 1, warn: 1, fail: 2, skip: 0, error: 1 },
    });
  });
});

function captureIO(): { io: CommandIO; output: () => string; errors: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  let errorText = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (errorText += chunk.toString()));
  const io: CommandIO = {
    stdin: new PassThrough(),
    stdout,
    stderr,
    env: {},
    signal: new AbortController().signal,
  };
  return { io, output: () => text, errors: () => errorText };
}

const OPTIONS: GlobalOptions = { json: false, probe: true, ignore: [], color: false };

describe('runCheck', () => {
  // A host that is ready except for subordinate ids and linger.
  const host = () =>
    createFakeHost(
      healthyExcept({
        files: { '/etc/subuid': '', '/etc/subgid': '' },
        removeFiles: ['/var/lib/systemd/linger/alice'],
      }),
    );

  it('prints every check, fills the host user into fixes, and exits 1 when one failed', async () => {
    const { io, output } = captureIO();
    expect(await runCheck(OPTIONS, io, { ruleSet: RULE_SET, host: host() })).toBe(1);
    expect(output().split('\n')).toEqual([
      '✓ running as an ordinary user     uid 1000 (alice)',
      '✓ not inside a container          systemd-detect-virt --container: none',
      '✓ user namespaces allowed         kernel.unprivileged_userns_clone = 1',
      '✓ user namespace limit            user.max_user_namespaces = 28633',
      '✓ AppArmor userns restriction     kernel.apparmor_restrict_unprivileged_userns not present',
      '✗ subuid range ≥ 65536            /etc/subuid has no range for alice, uid 1000',
      '  → subuid-range-missing: Give the user 65536 subordinate uids and gids.',
      "    $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'   # needs root",
      '✗ subgid range ≥ 65536            /etc/subgid has no range for alice, uid 1000',
      '  → subuid-range-missing: Give the user 65536 subordinate uids and gids.',
      "    $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'   # needs root",
      '✓ newuidmap privileged            newuidmap at /usr/bin/newuidmap: setuid root',
      '✓ newgidmap privileged            newgidmap at /usr/bin/newgidmap: setuid root',
      '✓ XDG_RUNTIME_DIR writable        XDG_RUNTIME_DIR=/run/user/1000',
      '✓ systemd user session and D-Bus  systemctl --user is-active dbus: active',
      '! linger enabled                  /var/lib/systemd/linger/alice does not exist: the daemon stops at logout and does not start at boot',
      '  → see linger-disabled',
      '✓ cgroup v2                       cgroup v2 (/sys/fs/cgroup/cgroup.controllers)',
      '✓ cgroup controllers delegated    user@1000.service has cpuset cpu io memory pids',
      '✓ /dev/net/tun usable             /dev/net/tun crw-rw-rw- owner 0 group 0: alice may read and write it',
      '✓ /dev/fuse usable                /dev/fuse crw-rw-rw- owner 0 group 0: alice may read and write it',
      '✓ rootlesskit installed           rootlesskit 2.3.4 at /usr/bin/rootlesskit',
      '✓ dockerd installed               dockerd 28.5.1 at /usr/bin/dockerd',
      '✓ dockerd-rootless.sh on PATH     dockerd-rootless.sh at /usr/bin/dockerd-rootless.sh',
      '✓ network driver for RootlessKit  slirp4netns 1.2.3 at /usr/bin/slirp4netns (RootlessKit 2.3.4)',
      '✓ iptables or nftables            iptables v1.8.10 (nf_tables) at /usr/sbin/iptables',
      '✓ unprivileged port start         net.ipv4.ip_unprivileged_port_start = 0',
      '✓ ping group range                net.ipv4.ping_group_range = 0 2147483647',
      '✓ rootful socket out of reach     /var/run/docker.sock does not exist',
      '✓ DOCKER_HOST target              DOCKER_HOST=unix:///run/user/1000/docker.sock (socket exists)',
      '',
      '25 checks: 22 passed, 1 warning, 2 failed',
      '',
    ]);
  });

  it('exits 0 when only warnings remain', async () => {
    const { io } = captureIO();
    const warnOnly = createFakeHost(
      healthyExcept({ removeFiles: ['/var/lib/systemd/linger/alice'] }),
    );
    expect(await runCheck(OPTIONS, io, { ruleSet: RULE_SET, host: warnOnly })).toBe(0);
  });

  it('prints one JSON document with --json', async () => {
    const { io, output } = captureIO();
    expect(
      await runCheck({ ...OPTIONS, json: true }, io, { ruleSet: RULE_SET, host: host() }),
    ).toBe(1);
    const document = JSON.parse(output()) as {
      checks: { id: string; status: string; entry?: string; fix?: unknown }[];
      summary: unknown;
    };
    expect(document.summary).toEqual({
      total: 25,
      pass: 22,
      warn: 1,
      fail: 2,
      skip: 0,
      error: 0,
    });
    expect(document.checks.map((c) => c.id)).toEqual([
      'unprivileged-user',
      'outside-container',
      'userns-clone',
      'max-user-namespaces',
      'apparmor-userns',
      'subuid-range',
      'subgid-range',
      'newuidmap',
      'newgidmap',
      'xdg-runtime-dir',
      'systemd-user-session',
      'linger',
      'cgroup-v2',
      'cgroup-delegation',
      'tun-device',
      'fuse-device',
      'rootlesskit',
      'dockerd',
      'dockerd-rootless-sh',
      'network-driver',
      'iptables',
      'unprivileged-port-start',
      'ping-group-range',
      'rootful-socket',
      'docker-host',
    ]);
    expect(document.checks.find((c) => c.id === 'subuid-range')).toEqual({
      id: 'subuid-range',
      label: 'subuid range ≥ 65536',
      status: 'fail',
      evidence: '/etc/subuid has no range for alice, uid 1000',
      entry: 'subuid-range-missing',
      fix: {
        text: 'Give the user 65536 subordinate uids and gids.',
        command: "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'",
        root: true,
      },
    });
  });
});

describe('checks that do not apply', () => {
  const skipped: CheckResult[] = [
    RESULTS[0]!,
    {
      id: 'linger',
      label: 'linger enabled',
      status: 'skip',
      evidence: 'no systemd: PID 1 is bash',
    },
  ];

  it('get their own mark and their own count, and no entry or fix', () => {
    const summary = summarizeChecks(skipped);
    expect(summary).toEqual({ total: 2, pass: 1, warn: 0, fail: 0, skip: 1, error: 0 });
    expect(
      renderCheckText(skipped, summary, { color: false, ruleSet: RULE_SET }).split('\n'),
    ).toEqual([
      '✓ running as an ordinary user  uid 1000 (alice)',
      '– linger enabled               no systemd: PID 1 is bash',
      '',
      '2 checks: 1 passed, 0 warnings, 0 failed, 1 not applicable',
      '',
    ]);
    expect(
      renderCheckText(skipped, summary, { color: true, ruleSet: RULE_SET }).split('\n')[1],
    ).toBe('\u001b[90m–\u001b[0m linger enabled               no systemd: PID 1 is bash');
  });

  it('are `skip` in JSON', () => {
    const json = JSON.parse(renderCheckJson(skipped, summarizeChecks(skipped), RULE_SET)) as {
      checks: unknown[];
    };
    expect(json.checks[1]).toEqual({
      id: 'linger',
      label: 'linger enabled',
      status: 'skip',
      evidence: 'no systemd: PID 1 is bash',
    });
  });
});

describe('fixes that fit the host', () => {
  const entry = RULE_SET.entries[0]!;
  const ruleSet: RuleSet = {
    ...RULE_SET,
    entries: [
      {
        ...entry,
        id: 'linger-like',
        fixes: [
          { text: 'Enable lingering.', command: 'sudo loginctl enable-linger "$USER"', root: true },
          { text: 'Restart it.', command: 'systemctl --user restart docker', root: false },
          { text: 'Start it yourself.', command: 'dockerd-rootless.sh', root: false },
        ],
      },
      {
        ...entry,
        id: 'ids',
        fixes: [
          {
            text: 'Add ids.',
            command:
              'sudo usermod --add-subuids {{free_subid_range}} --add-subgids {{free_subid_range}} "$(whoami)" && id $(id -u) && ls $HOME',
            root: true,
          },
        ],
      },
    ],
  };
  const failed = (entryId: string): CheckResult => ({
    id: 'x',
    label: 'x',
    status: 'fail',
    evidence: 'broken',
    entry: entryId,
  });

  it('without systemd, skips fixes that drive systemctl, loginctl or machinectl', () => {
    expect(chooseFix(failed('linger-like'), ruleSet, { captures: {}, systemd: false })).toEqual({
      text: 'Start it yourself.',
      command: 'dockerd-rootless.sh',
      root: false,
    });
    expect(chooseFix(failed('linger-like'), ruleSet, { captures: {}, systemd: true })?.text).toBe(
      'Enable lingering.',
    );
    expect(fixFits({ command: 'ssh "$(whoami)"@localhost' }, { systemd: false })).toBe(true);
  });

  it('a fix the check chose wins over the entry’s', () => {
    const own = { text: 'Mine.', root: false };
    expect(chooseFix({ ...failed('linger-like'), fix: own }, ruleSet)).toEqual(own);
    expect(chooseFix({ ...failed('linger-like'), status: 'warn', fix: own }, ruleSet)).toBe(
      undefined,
    );
  });

  it('for --user NAME, a root fix names that user, not whoever types it', () => {
    expect(
      chooseFix(failed('ids'), ruleSet, {
        captures: { free_subid_range: '165536-231071' },
        otherUser: { name: 'bob', uid: 1001, home: '/home/bob' },
      })?.command,
    ).toBe(
      "sudo usermod --add-subuids '165536-231071' --add-subgids '165536-231071' \"bob\" && id 1001 && ls /home/bob",
    );
    // a name that would need quoting leaves the command as written
    const odd = { text: 't', command: 'sudo x "$(whoami)"', root: true };
    expect(retargetFix(odd, { name: 'machine$', uid: 5, home: undefined })).toEqual(odd);
    // a fix the user runs themselves keeps their own $HOME and $USER
    const own = { text: 't', command: 'ls $HOME', root: false };
    expect(retargetFix(own, { name: 'bob', uid: 1001, home: '/home/bob' })).toEqual(own);
  });
});

describe('runCheck --user', () => {
  const asRoot = () =>
    createFakeHost(
      healthyExcept({
        user: { uid: 0, gid: 0, name: 'root' },
        files: {
          '/etc/subuid': 'alice:100000:65536\n',
          '/etc/subgid': '',
          '/run/user/1001/bus': { kind: 'socket' },
          '/run/user/1001/x': { uid: 1001 },
        },
      }),
    );

  it('exits 2 with one line for a user that does not exist', async () => {
    const { io, output, errors } = captureIO();
    expect(
      await runCheck(OPTIONS, io, { ruleSet: RULE_SET, host: asRoot(), user: 'nosuchuser' }),
    ).toBe(2);
    expect(output()).toBe('');
    expect(errors()).toBe('rootless-doctor: --user nosuchuser: no such user in /etc/passwd\n');
  });

  it('checks that user, with fixes for them', async () => {
    const { io, output } = captureIO();
    expect(await runCheck(OPTIONS, io, { ruleSet: RULE_SET, host: asRoot(), user: 'bob' })).toBe(1);
    const lines = output().split('\n');
    expect(lines[0]).toBe(
      '✓ running as an ordinary user     uid 1001 (bob), checked from uid 0: their PATH and environment cannot be known, so programs are looked up in the standard directories and ~/bin',
    );
    expect(lines).toContain(
      '✗ subuid range ≥ 65536            /etc/subuid has no range for bob, uid 1001',
    );
    expect(lines).toContain(
      "    $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'bob'   # needs root",
    );
    expect(lines).toContain(
      "– DOCKER_HOST target              bob's environment cannot be seen from here",
    );
  });
});

describe('the text report on a terminal', () => {
  const long: CheckResult[] = [
    {
      id: 'tun',
      label: 'tun usable',
      status: 'fail',
      evidence: '/dev/net/tun crw------- owner 0 group 0: alice may not read and write it',
      entry: 'subuid-range-missing',
    },
  ];

  it('wraps a long line under its evidence column; the command stays whole', () => {
    const text = renderCheckText(long, summarizeChecks(long), {
      color: false,
      ruleSet: RULE_SET,
      width: 50,
    });
    expect(text.split('\n')).toEqual([
      '✗ tun usable  /dev/net/tun crw------- owner 0',
      '              group 0: alice may not read and',
      '              write it',
      '  → subuid-range-missing: Give the user 65536',
      '    subordinate uids and gids.',
      '    $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}   # needs root',
      '',
      '1 checks: 0 passed, 0 warnings, 1 failed',
      '',
    ]);
  });

  it('wraps nothing without a width (stdout is not a terminal)', () => {
    const text = renderCheckText(long, summarizeChecks(long), { color: false, ruleSet: RULE_SET });
    expect(text.split('\n')[0]).toBe(`✗ tun usable  ${long[0]!.evidence}`);
  });
});
