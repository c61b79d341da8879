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
      '– cgroup controllers delegated    not applicable: needs cgroup v2',
      '✗ /dev/net/tun usable             /dev/net/tun does not exist',
      ...fixLines('tap-device-setup-failed'),
      '! /dev/fuse usable                /dev/fuse does not exist (only fuse-overlayfs needs it)',
      '  → see fuse-device-missing',
      '✓ rootlesskit installed           rootlesskit at /usr/local/bin/rootlesskit (version not known: not run under --host-root)',
      '✗ dockerd installed               dockerd not found on PATH, /usr/sbin or /sbin',
      '  → rootless-extras-missing: Install Docker Engine first (docker-ce from Docker’s repository, or the distribution’s docker.io): rootless mode runs the same dockerd.',
      '✗ dockerd-rootless.sh on PATH     dockerd-rootless.sh not found on PATH',
      ...fixLines('rootless-extras-missing'),
      '! network driver for RootlessKit  neither slirp4netns, pasta nor vpnkit on PATH (RootlessKit version not known; RootlessKit 3.0 or later has a built-in driver)',
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
      '25 checks: 8 passed, 8 warnings, 8 failed, 1 not applicable',
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
    expect(document.summary).toEqual({
      total: 25,
      pass: 8,
      warn: 8,
      fail: 8,
      skip: 1,
      error: 0,
    });
    expect(document.checks.filter((c) => c.status === 'fail').map((c) => [c.id, c.entry])).toEqual([
      ['apparmor-userns', 'apparmor-userns-restriction'],
      ['newuidmap', 'newuidmap-missing'],
      ['newgidmap', 'newuidmap-missing'],
      ['xdg-runtime-dir', 'xdg-runtime-dir-unset'],
      ['tun-device', 'tap-device-setup-failed'],
      ['dockerd', 'rootless-extras-missing'],
      ['dockerd-rootless-sh', 'rootless-extras-missing'],
      ['iptables', 'iptables-nat-unavailable'],
    ]);
    const apparmor = document.checks.find((c) => c.id === 'apparmor-userns');
    expect(apparmor?.fix).toEqual(
      KB.entries.find((e) => e.id === 'apparmor-userns-restriction')?.fixes[0],
    );
    expect(code).toBe(1);
  });
});

describe('check --user', () => {
  const fixture = ['--host-root', 'test/fixtures/hosts/ubuntu-2404-apparmor'];

  it('exits 2 with one line for a user that does not exist', async () => {
    expect(await runCli(['check', '--user', 'nosuchuser'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rootless-doctor: --user nosuchuser: no such user in /etc/passwd\n',
    });
  });

  it('is only valid with check', async () => {
    const { code, stderr } = await runCli(['search', 'tun', '--user', 'alice']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "rootless-doctor: `--user NAME` only works with `check`\nRun 'rootless-doctor --help' for usage.\n",
    );
  });

  it("checks that user's ids and names them in root fixes", async () => {
    const { code, stdout, stderr } = await runCli(['check', ...fixture, '--user', 'bob'], {
      env: ALICE,
    });
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      '✓ running as an ordinary user     uid 1001 (bob), checked from uid 1000: their PATH and environment cannot be known, so programs are looked up in the standard directories and ~/bin',
    );
    expect(lines).toContain(
      '✗ subuid range ≥ 65536            /etc/subuid has no range for bob, uid 1001',
    );
    // the range is the first block no line of the copy's /etc/subuid or /etc/subgid uses
    expect(lines).toContain(
      `    $ sudo usermod --add-subuids '165536-231071' --add-subgids '165536-231071' "bob"   # needs root`,
    );
    expect(lines).toContain(
      "– DOCKER_HOST target              bob's environment cannot be seen from here",
    );
    expect(code).toBe(1);
  });
});

/** The checks `check --json` had before `skip` and the new checks: scripts read these ids. */
const EARLIER_CHECK_IDS = [
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
];
const STATUS_LINE = /^[✓!✗?–] /;

describe('check on this machine', () => {
  it('prints a well-formed report that agrees with its exit code, in well under 2 s', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(['check'], {
      env: { ...process.env } as Record<string, string>,
    });
    const elapsed = Date.now() - started;
    expect(stderr).toBe('');
    const statusLines = stdout.split('\n').filter((line) => STATUS_LINE.test(line));
    expect(statusLines).toHaveLength(25);
    expect(stdout).toMatch(
      /\n25 checks: \d+ passed, \d+ warnings?, \d+ failed(, \d+ not applicable)?(, \d+ could not run)?\n$/,
    );
    expect(code).toBe(statusLines.some((line) => line.startsWith('✗')) ? 1 : 0);
    expect(elapsed).toBeLessThan(2000);
  });

  it('--json agrees with the text report and keeps the fields of every earlier check', async () => {
    const env = { ...process.env } as Record<string, string>;
    const [text, json] = await Promise.all([
      runCli(['check'], { env }),
      runCli(['check', '--json'], { env }),
    ]);
    const document = JSON.parse(json.stdout) as {
      checks: Record<string, unknown>[];
      summary: Record<string, number>;
    };
    const marks: Record<string, string> = {
      pass: '✓',
      warn: '!',
      fail: '✗',
      skip: '–',
      error: '?',
    };
    const textMarks = text.stdout
      .split('\n')
      .filter((l) => STATUS_LINE.test(l))
      .map((l) => l[0]);
    expect(document.checks.map((c) => marks[String(c.status)])).toEqual(textMarks);
    expect(Object.keys(document.summary)).toEqual([
      'total',
      'pass',
      'warn',
      'fail',
      'skip',
      'error',
    ]);
    const ids = document.checks.map((c) => c.id);
    for (const id of EARLIER_CHECK_IDS) expect(ids).toContain(id);
    for (const check of document.checks) {
      expect(Object.keys(check).slice(0, 4)).toEqual(['id', 'label', 'status', 'evidence']);
      expect(typeof check.evidence).toBe('string');
      if (check.status === 'warn' || check.status === 'fail')
        expect(check.entry).toBeTypeOf('string');
      else expect(check.entry).toBeUndefined();
    }
    expect(json.code).toBe(document.summary.fail! > 0 ? 1 : 0);
  });
});
