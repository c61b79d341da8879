import { describe, expect, it } from 'vitest';
import type { CompiledEntry, ProbeSpec } from '../../src/kb/types.js';
import { judgeEntry } from '../../src/probe/judge-entry.js';
import { probeEntry } from '../../src/probe/probe-entry.js';
import { createProbeRunner } from '../../src/probe/create-probe-runner.js';
import { createFakeHost } from './fake-host.js';

const limit: ProbeSpec = {
  id: 'limit',
  kind: 'sysctl',
  key: 'user.max_user_namespaces',
  confirms: { below: 1024 },
};
const dbus: ProbeSpec = {
  id: 'dbus',
  kind: 'service',
  unit: 'dbus',
  scope: 'user',
  confirms: { active: false },
};

function entry(id: string, probes: ProbeSpec[]): CompiledEntry {
  return {
    id,
    title: id,
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
    probes,
    fixes: [],
    examples: { match: [], noMatch: [] },
    links: [],
    cause: '',
    fix: '',
  };
}

describe('judging an entry: requirements, alternatives, exclusions', () => {
  const r = (id: string, verdict: 'confirmed' | 'ruled-out' | 'unknown') => ({
    id,
    verdict,
    evidence: `${id} ${verdict}`,
  });
  const req = (id: string) => ({ id });
  const alt = (id: string) => ({ id, otherwise: 'unknown' as const });
  const exc = (id: string) => ({ id, excludes: true });

  it.each([
    ['no probes', [], [], 'unknown', 'cannot tell: nothing on this host was checked'],
    [
      'every requirement holds',
      [req('a'), req('b')],
      [r('a', 'confirmed'), r('b', 'confirmed')],
      'confirmed',
      'confirmed: a confirmed; b confirmed',
    ],
    // the linger case: the lingering file is absent, but whether systemd runs could not be told
    [
      'one requirement cannot tell',
      [req('a'), req('b')],
      [r('a', 'confirmed'), r('b', 'unknown')],
      'unknown',
      'cannot tell: b unknown',
    ],
    [
      'one requirement fails',
      [req('a'), req('b')],
      [r('a', 'confirmed'), r('b', 'ruled-out')],
      'ruled-out',
      'ruled out: b ruled-out',
    ],
    [
      'one alternative is enough',
      [alt('a'), alt('b')],
      [r('a', 'unknown'), r('b', 'confirmed')],
      'confirmed',
      'confirmed: b confirmed',
    ],
    [
      'no alternative holds',
      [alt('a'), alt('b')],
      [r('a', 'unknown'), r('b', 'unknown')],
      'unknown',
      'cannot tell: a unknown',
    ],
    [
      'requirements and an alternative',
      [req('a'), alt('b')],
      [r('a', 'confirmed'), r('b', 'unknown')],
      'unknown',
      'cannot tell: b unknown',
    ],
    [
      'an exclusion observed',
      [req('a'), exc('b')],
      [r('a', 'confirmed'), r('b', 'confirmed')],
      'ruled-out',
      'ruled out: b confirmed',
    ],
    [
      'an exclusion not observed',
      [req('a'), exc('b')],
      [r('a', 'confirmed'), r('b', 'ruled-out')],
      'confirmed',
      'confirmed: a confirmed',
    ],
    [
      'evidence from the log, no spec',
      [],
      [r('affects-docker', 'confirmed')],
      'confirmed',
      'confirmed: affects-docker confirmed',
    ],
    [
      'every alternative observed false',
      [alt('a'), alt('b')],
      [r('a', 'ruled-out'), r('b', 'ruled-out')],
      'ruled-out',
      'ruled out: a ruled-out; b ruled-out',
    ],
    [
      'a lone alternative observed false says nothing',
      [alt('a')],
      [r('a', 'ruled-out')],
      'unknown',
      'cannot tell: a ruled-out',
    ],
    // --no-probe: the probes exist but none ran
    [
      'no results at all',
      [req('a'), alt('b')],
      [],
      'unknown',
      'cannot tell: a requirement was not checked',
    ],
    ['only alternatives, none ran', [alt('a')], [], 'unknown', 'cannot tell: nothing was checked'],
  ] as const)('%s', (_name, specs, results, verdict, reason) => {
    expect(judgeEntry(specs, results)).toEqual({ verdict, reason });
  });
});

describe('probing an entry', () => {
  it('runs every probe and combines them, in the entry order', async () => {
    const host = createFakeHost({
      files: { '/proc/sys/user/max_user_namespaces': '0' },
      commands: { 'systemctl --user is-active dbus': { stdout: 'active\n' } },
    });
    expect(await probeEntry(entry('e', [limit, dbus]), host)).toEqual({
      verdict: 'ruled-out',
      results: [
        { id: 'limit', verdict: 'confirmed', evidence: '/proc/sys/user/max_user_namespaces = 0' },
        { id: 'dbus', verdict: 'ruled-out', evidence: 'systemctl --user is-active dbus: active' },
      ],
    });
  });

  it('runs probes concurrently, each bounded: two hanging probes cost one timeout', async () => {
    const hang = { hang: true as const };
    const host = createFakeHost({
      commands: {
        'systemctl --user is-active dbus': hang,
        'systemctl --user is-active docker': hang,
      },
    });
    const docker: ProbeSpec = { ...dbus, id: 'docker', unit: 'docker' };
    const started = Date.now();
    const probed = await probeEntry(entry('e', [dbus, docker]), host, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(550);
    expect(probed).toEqual({
      verdict: 'unknown',
      results: [
        {
          id: 'dbus',
          verdict: 'unknown',
          evidence: 'systemctl --user is-active dbus: no answer within 300 ms',
        },
        {
          id: 'docker',
          verdict: 'unknown',
          evidence: 'systemctl --user is-active docker: no answer within 300 ms',
        },
      ],
    });
  });

  it('defaults to a 1 s bound per probe', async () => {
    const host = createFakeHost({
      commands: { 'systemctl --user is-active dbus': { hang: true } },
    });
    const started = Date.now();
    const probed = await probeEntry(entry('e', [dbus]), host);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(1500);
    expect(probed.results[0]?.evidence).toBe(
      'systemctl --user is-active dbus: no answer within 1000 ms',
    );
  });
});

describe('the probe runner', () => {
  it('probes each entry once, however often and however concurrently it is asked', async () => {
    const host = createFakeHost({
      commands: { 'systemctl --user is-active dbus': { stdout: 'inactive\n', exit: 3 } },
    });
    const runner = createProbeRunner(host);
    const e = entry('dbus-user-session-missing', [dbus]);
    const [first, second] = await Promise.all([runner(e), runner(e)]);
    const third = await runner(e);
    expect(first).toEqual([
      { id: 'dbus', verdict: 'confirmed', evidence: 'systemctl --user is-active dbus: inactive' },
    ]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(host.ran).toHaveLength(1);
  });

  it('keeps entries apart', async () => {
    const host = createFakeHost({ files: { '/proc/sys/user/max_user_namespaces': '0' } });
    const runner = createProbeRunner(host);
    expect(await runner(entry('a', [limit]))).toHaveLength(1);
    expect(await runner(entry('b', []))).toEqual([]);
  });
});
