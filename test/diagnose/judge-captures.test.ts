import { describe, expect, test } from 'vitest';
import { withCaptureConditions } from '../../src/diagnose/judge-captures.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { createFakeHost } from '../probe/fake-host.js';
import { makeEntry } from '../helpers/make-entry.js';

const ENTRY = makeEntry({
  id: 'docker-host-uid-mismatch',
  signatures: ['unix:///run/user/(?<uid>\\d{1,10})/docker\\.sock'],
  captures: { uid: '\\d{1,10}' },
  probes: [
    { id: 'other-uid', kind: 'user', field: 'uid', confirms: { 'differs-from-capture': 'uid' } },
    { id: 'same-uid', kind: 'user', field: 'uid', confirms: { 'equals-capture': 'uid' } },
  ],
});

describe('conditions over captures, judged per finding', () => {
  test('a user probe keeps the value it read and cannot tell on its own', async () => {
    const result = await runProbe(ENTRY.probes[0]!, createFakeHost({ user: { uid: 1001 } }));
    expect(result).toEqual({
      id: 'other-uid',
      verdict: 'unknown',
      evidence: 'your uid is 1001',
      observed: '1001',
    });
  });

  test('the uid in the log is compared with the one read', async () => {
    const host = createFakeHost({ user: { uid: 1001 } });
    const results = await Promise.all(ENTRY.probes.map((spec) => runProbe(spec, host)));
    expect(
      withCaptureConditions(ENTRY, results, { uid: '1000' }).map(({ verdict, evidence }) => [
        verdict,
        evidence,
      ]),
    ).toEqual([
      ['confirmed', 'your uid is 1001, but the log names uid 1000'],
      ['ruled-out', 'your uid is 1001, but the log names uid 1000'],
    ]);
    expect(
      withCaptureConditions(ENTRY, results, { uid: '1001' }).map(({ verdict }) => verdict),
    ).toEqual(['ruled-out', 'confirmed']);
  });

  test('no capture, or one that does not match its pattern, cannot tell', async () => {
    const host = createFakeHost({ user: { uid: 1001 } });
    const results = await Promise.all(ENTRY.probes.map((spec) => runProbe(spec, host)));
    for (const captures of [{}, { uid: '1000; rm -rf ~' }] as Record<string, string>[]) {
      expect(withCaptureConditions(ENTRY, results, captures).map(({ verdict }) => verdict)).toEqual(
        ['unknown', 'unknown'],
      );
    }
  });
});

test('a number read from the host is compared with a number the log names', async () => {
  const entry = makeEntry({
    id: 'privileged-port-not-allowed',
    signatures: ['privileged port (?<port>\\d{1,5})'],
    captures: { port: '\\d{1,5}' },
    probes: [
      {
        id: 'start',
        kind: 'sysctl',
        key: 'net.ipv4.ip_unprivileged_port_start',
        confirms: { 'above-capture': 'port' },
      },
    ],
  });
  const host = createFakeHost({
    files: { '/proc/sys/net/ipv4/ip_unprivileged_port_start': '1024\n' },
  });
  const results = [await runProbe(entry.probes[0]!, host)];
  expect(withCaptureConditions(entry, results, { port: '80' })[0]).toMatchObject({
    verdict: 'confirmed',
    evidence:
      '/proc/sys/net/ipv4/ip_unprivileged_port_start = 1024, above the port 80 the log names',
  });
  expect(withCaptureConditions(entry, results, { port: '2000' })[0]?.verdict).toBe('ruled-out');
});
