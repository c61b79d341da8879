// Realistic logs through the built CLI: whole outputs as users paste them (journald prefixes,
// `set -x` traces, logrus fields, ANSI colours, the setup tool's coloured tags, docker CLI
// sessions), each with the exact JSON Lines `rootless-doctor --no-probe --json FILE` must print
// (test/fixtures/logs/<case>.expected.jsonl, written by the CLI and checked by hand). The table
// below also states each case's intent: the entry that must rank first although later lines show
// consequences (`parsing message from fd 3: EOF`, `failed to start daemon`, `RootlessKit failed`,
// `Failed to start docker.service`), and, for healthy output, the exact summary with no diagnosis.
//
// After a deliberate change of the output (a KB entry's title, fixes, links, or the suggestion
// search), regenerate a case and review its diff before committing it:
//   NO_COLOR=1 node dist/cli.js --no-probe --json test/fixtures/logs/CASE.log \
//     > test/fixtures/logs/CASE.expected.jsonl
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/logs');

interface Summary {
  type: 'summary';
  lines: number;
  diagnoses: { id: string; count: number; verdict: string }[];
  suggestions: number;
  guess?: { id: string; title: string; score: number; line: number };
}

interface FailureCase {
  /** the entries that may rank first; more than one only where a line is shared by causes */
  first: string[];
}

interface HealthyCase {
  /** the whole summary: no diagnosis, at most suggestions */
  summary: Summary;
  /** when today's output differs: why, and the ids it diagnoses today (pinned until fixed) */
  gap?: { reason: string; diagnosedToday: string[] };
}

const FAILURES: Record<string, FailureCase> = {
  'apparmor-ubuntu-2404-journal': { first: ['apparmor-userns-restriction'] },
  'cgroup-not-delegated-docker-info': { first: ['cgroup-controller-not-delegated'] },
  'cgroup-v1-docker-info': { first: ['cgroup-v1-limits-ignored'] },
  'containerd-rootless-conflict-journal': { first: ['containerd-rootless-conflict'] },
  'data-root-nfs-docker-pull': { first: ['data-root-on-nfs'] },
  'dbus-user-session-missing-docker-run': { first: ['dbus-user-session-missing'] },
  'detach-netns-ubuntu-2504-journal': { first: ['detach-netns-unshare-apparmor'] },
  // newuidmap's write to uid_map is shared; the harmless dind entrypoint lines must rank after it
  'dind-rootless-nested-userns': {
    first: ['nested-userns-subuid-not-mapped', 'newuidmap-not-privileged'],
  },
  'docker-proxy-version-skew-journal': { first: ['rootlesskit-docker-proxy-version-skew'] },
  'dockerd-run-directly-as-user': { first: ['dockerd-started-directly-as-user'] },
  'iptables-nat-missing-opensuse-journal': { first: ['iptables-nat-unavailable'] },
  'ipv6-disabled-docker-29-journal': { first: ['ipv6-disabled-kernel-sysctl'] },
  'max-user-namespaces-centos7-journal': { first: ['max-user-namespaces-too-low'] },
  'overlay-fallback-vfs-rhel8-journal': { first: ['overlay-unavailable-fallback'] },
  'privileged-port-docker-run': { first: ['privileged-port-not-allowed'] },
  'rootless-socket-missing-after-reboot': {
    first: [
      'docker-host-uid-mismatch',
      'linger-disabled',
      'rootless-daemon-not-running',
      'uninstall-leftovers',
    ],
  },
  // the setup tool's generic "Missing system requirements" header is a consequence
  'setuptool-ip-tables-module-rhel10': {
    first: ['iptables-nat-unavailable', 'setuptool-iptables-module-false-positive'],
  },
  'setuptool-missing-requirements-ubuntu': { first: ['newuidmap-missing', 'subuid-range-missing'] },
  'setuptool-run-with-sudo': { first: ['rootless-scripts-run-as-root'] },
  'slirp4netns-failed-journal': { first: ['slirp4netns-setns-denied-in-container'] },
  'slirp4netns-not-installed-journal': { first: ['network-binary-missing-or-old'] },
  'stale-execstart-systemctl-status': { first: ['user-unit-stale-execstart'] },
  'state-dir-locked-manual-start': { first: ['rootlesskit-state-dir-locked'] },
  'subuid-missing-setuptool-install': { first: ['subuid-range-missing'] },
  'subuid-too-small-docker-pull': { first: ['subuid-range-too-small'] },
  // the empty-runtime-dir socket error that follows is a consequence of the same sudo -iu
  'sudo-iu-no-session-bus': { first: ['systemctl-user-no-session-bus'] },
  'tap-device-missing-container': { first: ['tap-device-setup-failed'] },
  // the WARN line names the sysctl; the shared fork/exec line after it must not outrank it
  'userns-clone-debian10-terminal': { first: ['userns-clone-disabled'] },
  'xdg-runtime-dir-su-setuptool': { first: ['xdg-runtime-dir-unset'] },
  // Fedora also prints the SELinux overlay warning earlier; the daemon died of the lock file
  'xtables-lock-selinux-fedora-journal': { first: ['xtables-lock-selinux'] },
};

const summary = (lines: number, suggestions: number): Summary => ({
  type: 'summary',
  lines,
  diagnoses: [],
  suggestions,
});

const HEALTHY: Record<string, HealthyCase> = {
  // the benign `Not using native diff for overlay2` line is recognised and reported by nothing;
  // containerd's level=info `skip loading plugin ... error=` lines are routine, not suggestions
  'healthy-rootless-startup-journal': { summary: summary(76, 0) },
  'healthy-docker-info-rootless': { summary: summary(59, 0) },
  'healthy-docker-version-rootless': { summary: summary(36, 0) },
  'image-not-found-docker-run': { summary: summary(4, 1) },
  'rate-limit-docker-pull': { summary: summary(2, 0) },
  // a full disk's `no space left on device` shares its words with the user-namespace limit's
  // famous line: a guess, shown as one, and never a diagnosis (the entry's no-match example)
  'disk-full-docker-pull': {
    summary: {
      ...summary(6, 1),
      guess: {
        id: 'max-user-namespaces-too-low',
        title: 'The user namespace limit is zero or too low',
        score: 0.44,
        line: 6,
      },
    },
  },
};

const runs = new Map<string, ReturnType<typeof spawnCase>>();
/** One CLI run per case, shared by its tests. */
const run = (name: string) => {
  let pending = runs.get(name);
  if (!pending) runs.set(name, (pending = spawnCase(name)));
  return pending;
};

async function spawnCase(name: string) {
  const result = await runCli(['--no-probe', '--json', path.join(DIR, `${name}.log`)]);
  const records = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string });
  const last = records.at(-1) as Summary | undefined;
  return { ...result, records, summary: last };
}

const expected = (name: string) => readFileSync(path.join(DIR, `${name}.expected.jsonl`), 'utf8');

describe('realistic logs (test/fixtures/logs)', () => {
  test('every case has both files, and at least 20 entries rank first across the logs', () => {
    const firsts = new Set<string>();
    for (const name of [...Object.keys(FAILURES), ...Object.keys(HEALTHY)]) {
      expect(readFileSync(path.join(DIR, `${name}.log`)).length, name).toBeGreaterThan(0);
      const last = JSON.parse(expected(name).trimEnd().split('\n').at(-1) ?? '') as Summary;
      expect(last.type, name).toBe('summary');
      if (last.diagnoses[0]) firsts.add(last.diagnoses[0].id);
    }
    expect(firsts.size).toBeGreaterThanOrEqual(20);
  });

  describe.each(Object.entries(FAILURES))('%s', (name, item) => {
    test('prints exactly the expected JSON Lines, exit 1', async () => {
      const result = await run(name);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(expected(name));
      expect(result.code).toBe(1);
    });

    test(`ranks ${item.first.join(' | ')} first`, async () => {
      const { summary: last } = await run(name);
      expect(last?.type).toBe('summary');
      expect(item.first).toContain(last?.diagnoses[0]?.id);
    });
  });

  describe.each(Object.entries(HEALTHY))('%s (healthy: no diagnosis)', (name, item) => {
    const exit = item.summary.suggestions > 0 ? 3 : 0;
    // a known gap fails until fixed; its expected file holds the right output, not today's
    (item.gap ? test.fails : test)(
      `prints exactly the expected JSON Lines and this summary, exit ${exit}`,
      async () => {
        const result = await run(name);
        expect(result.stderr).toBe('');
        expect(result.summary).toEqual(item.summary);
        expect(result.records.filter((record) => record.type === 'diagnosis')).toEqual([]);
        expect(result.stdout).toBe(expected(name));
        expect(result.code).toBe(exit);
      },
    );

    if (item.gap) {
      const gap = item.gap;
      test(`known gap, diagnosed today: ${gap.diagnosedToday.join(', ')}`, async () => {
        const result = await run(name);
        expect(result.summary?.diagnoses.map((diagnosis) => diagnosis.id)).toEqual(
          gap.diagnosedToday,
        );
        expect(result.summary?.suggestions).toBe(item.summary.suggestions);
      });
    }
  });
});
