import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/kb/types.js';
import type { CheckResult } from '../../src/check/types.js';
import { renderCheckText } from '../../src/check/render-check-text.js';
import { renderCheckJson } from '../../src/check/render-check-json.js';
import { summarizeChecks } from '../../src/check/summarize-checks.js';
import { runCheck } from '../../src/commands/check.js';
import type { CommandIO, GlobalOptions } from '../../src/commands/types.js';
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
    expect(text.split('\n').slice(0, 5)).toEqual([
      '\u001b[32m✓\u001b[39m running as an ordinary user  uid 1000 (alice)',
      '\u001b[33m!\u001b[39m linger enabled               /var/lib/systemd/linger/alice does not exist',
      '  → see linger-disabled',
      '\u001b[31m✗\u001b[39m subuid range ≥ 65536         /etc/subuid has no range for alice, uid 1000',
      '  → subuid-range-missing: Give the user 65536 subordinate uids and gids.',
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
      summary: { total: 5, pass: 1, warn: 1, fail: 2, error: 1 },
    });
  });
});

function captureIO(): { io: CommandIO; output: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const io: CommandIO = {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    env: {},
    signal: new AbortController().signal,
  };
  return { io, output: () => text };
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
      '✓ slirp4netns or pasta            slirp4netns at /usr/bin/slirp4netns',
      '✓ iptables or nftables            iptables v1.8.10 (nf_tables) at /usr/sbin/iptables',
      '✓ unprivileged port start         net.ipv4.ip_unprivileged_port_start = 0',
      '✓ ping group range                net.ipv4.ping_group_range = 0 2147483647',
      '✓ rootful socket out of reach     /var/run/docker.sock does not exist',
      '✓ DOCKER_HOST target              DOCKER_HOST=unix:///run/user/1000/docker.sock (socket exists)',
      '',
      '20 checks: 17 passed, 1 warning, 2 failed',
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
    expect(document.summary).toEqual({ total: 20, pass: 17, warn: 1, fail: 2, error: 0 });
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
