// `rootless-doctor check` run like a user runs it: the built CLI in a real process. On a fixture
// host (--host-root) the output is pinned line by line; on this machine, whatever it is, the
// report must be well formed, agree with its exit code, and arrive well under 2 s.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../src/kb/types.js';
import { runCli } from '../helpers/run-cli.js';

const KB = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../dist/kb.json'), 'utf8'),
) as RuleSet;
const ALICE = { USER: 'alice', HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000' };

/** The two lines under a failing check: the entry with its first fix (from the built KB), the command. */
function fixLines(entryId: string): string[] {
  const fix = KB.entries.find((e) => e.id === entryId)?.fixes[0];
  if (fix === undefined) return [`  → ${entryId}`];
  const lines = [`  → ${entryId}: ${fix.text}`];
  if (fix.command !== undefined)
    lines.push(`    $ ${fix.command}${fix.root ? '   # needs root' : ''}`);
  return lines;
}

describe('check on a fixture host (Ubuntu 24.04 with the AppArmor restriction)', () => {
  const args = ['check', '--host-root', 'test/fixtures/hosts/ubuntu-2404-apparmor'];

  it('prints one line per check, the entry and its first fix under each failure, and exits 1', async () => {
    const { code, stdout, stderr } = await runCli(args, { env: ALICE });
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      '✓ running as an ordinary user     uid 1000 (alice)',
      '✓ not inside a container          no /.dockerenv or /run/.containerenv',
      '✓ user namespaces allowed         kernel.unprivileged_userns_clone not present (no such switch)',
      '✓ user namespace limit            user.max_user_namespaces = 63229',
      '✗ AppArmor userns restriction     kernel.apparmor_restrict_unprivileged_userns = 1; no profile for /usr/local/bin/rootlesskit (/etc/apparmor.d/usr.local.bin.rootlesskit)',
      ...fixLines('apparmor-userns-restriction'),
      '✓ subuid range ≥ 65536            /etc/subuid: alice:100000:65536 (65536 ids)',
      '✓ subgid range ≥ 65536            /etc/subgid: alice:100000:65536 (65536 ids)',
      '✗ newuidmap privileged            newuidmap not found on PATH',
      ...fixLines('newuidmap-missing'),
      '✗ newgidmap privileged            newgidmap not found on PATH',
      ...fixLines('newuidmap-missing'),
      '✗ XDG_RUNTIME_DIR writable        XDG_RUNTIME_DIR=/run/user/1000 does not exist',
      ...fixLines('xdg-runtime-dir-unset'),
      '! systemd user session and D-Bus  systemctl --user is-active dbus: commands are not run under --host-root',
      '  → see dbus-user-session-missing',
      '! linger enabled                  /var/lib/systemd/linger/alice does not exist: the daemon stops at logout and does not start at boot',
      '  → see linger-disabled',
      '! cgroup v2                       cgroup v1 (no /sys/fs/cgroup/cgroup.controllers): container limits are ignored',
      '  → see cgroup-v1-limits-ignored',
      '! cgroup controllers delegated    not applicable: needs cgroup v2',
      '  → see cgroup-v1-limits-ignored',
      '! slirp4netns or pasta            neither slirp4netns nor pasta on PATH: only the slower built-in driver is left',
      '  → see network-binary-missing-or-old',
      '✗ iptables or nftables            neither iptables nor nft found',
      ...fixLines('iptables-nat-unavailable'),
      '! unprivileged port start         /proc/sys/net/ipv4/ip_unprivileged_port_start does not exist',
      '  → see privileged-port-not-allowed',
      '! ping group range                /proc/sys/net/ipv4/ping_group_range does not exist',
      '  → see ping-group-range-restricted',
      '✓ rootful socket out of reach     /var/run/docker.sock does not exist',
      '! DOCKER_HOST target              DOCKER_HOST is not set and the docker context could not be read',
      '  → see client-pointed-at-rootful-socket',
      '',
      '20 checks: 7 passed, 8 warnings, 5 failed',
      '',
    ]);
    expect(code).toBe(1);
  });

  it('prints one JSON document with --json', async () => {
    const { code, stdout } = await runCli([...args, '--json'], { env: ALICE });
    const document = JSON.parse(stdout) as {
      checks: { id: string; status: string; entry?: string; fix?: unknown }[];
      summary: unknown;
    };
    expect(document.summary).toEqual({ total: 20, pass: 7, warn: 8, fail: 5, error: 0 });
    expect(document.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.entry])).toEqual([
      ['apparmor-userns', 'apparmor-userns-restriction'],
      ['newuidmap', 'newuidmap-missing'],
      ['newgidmap', 'newuidmap-missing'],
      ['xdg-runtime-dir', 'xdg-runtime-dir-unset'],
      ['iptables', 'iptables-nat-unavailable'],
    ]);
    const apparmor = document.checks.find((c) => c.id === 'apparmor-userns');
    expect(apparmor?.fix).toEqual(
      KB.entries.find((e) => e.id === 'apparmor-userns-restriction')?.fixes[0],
    );
    expect(code).toBe(1);
  });
});

describe('check on this machine', () => {
  it('prints a well-formed report that agrees with its exit code, in well under 2 s', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(['check'], {
      env: { ...process.env } as Record<string, string>,
    });
    const elapsed = Date.now() - started;
    expect(stderr).toBe('');
    const statusLines = stdout.split('\n').filter((line) => /^[✓!✗?] /.test(line));
    expect(statusLines).toHaveLength(20);
    expect(stdout).toMatch(
      /\n20 checks: \d+ passed, \d+ warnings?, \d+ failed(, \d+ could not run)?\n$/,
    );
    expect(code).toBe(statusLines.some((line) => line.startsWith('✗')) ? 1 : 0);
    expect(elapsed).toBeLessThan(2000);
  });

  it('--json agrees with the text report', async () => {
    const env = { ...process.env } as Record<string, string>;
    const [text, json] = await Promise.all([
      runCli(['check'], { env }),
      runCli(['check', '--json'], { env }),
    ]);
    const document = JSON.parse(json.stdout) as {
      checks: { status: string }[];
      summary: { fail: number };
    };
    const marks: Record<string, string> = { pass: '✓', warn: '!', fail: '✗', error: '?' };
    const textMarks = text.stdout
      .split('\n')
      .filter((l) => /^[✓!✗?] /.test(l))
      .map((l) => l[0]);
    expect(document.checks.map((c) => marks[c.status])).toEqual(textMarks);
    expect(json.code).toBe(document.summary.fail > 0 ? 1 : 0);
  });
});
