import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { createFakeHost } from './fake-host.js';

const NS = '/proc/sys/user/max_user_namespaces';
const CLONE = '/proc/sys/kernel/unprivileged_userns_clone';
const PING = '/proc/sys/net/ipv4/ping_group_range';

function sysctl(
  key: string,
  confirms: ProbeCondition,
  files: Record<string, string | { error: string }>,
  otherwise?: 'unknown',
) {
  const host = createFakeHost({ files });
  return runProbe(
    { id: 'p', kind: 'sysctl', key, confirms, ...(otherwise ? { otherwise } : {}) },
    host,
  );
}

describe('sysctl probes', () => {
  it.each([
    [
      'below, satisfied',
      'user.max_user_namespaces',
      { below: 1024 },
      { [NS]: '0\n' },
      'confirmed',
      `${NS} = 0`,
    ],
    [
      'below, not satisfied',
      'user.max_user_namespaces',
      { below: 1024 },
      { [NS]: '28633\n' },
      'ruled-out',
      `${NS} = 28633`,
    ],
    [
      'above, satisfied',
      'user.max_user_namespaces',
      { above: 1023 },
      { [NS]: '1024' },
      'confirmed',
      `${NS} = 1024`,
    ],
    [
      'above, equal is not above',
      'user.max_user_namespaces',
      { above: 1024 },
      { [NS]: '1024' },
      'ruled-out',
      `${NS} = 1024`,
    ],
    [
      'equals, satisfied',
      'kernel.unprivileged_userns_clone',
      { equals: '0' },
      { [CLONE]: '0\n' },
      'confirmed',
      `${CLONE} = 0`,
    ],
    [
      'equals, not satisfied',
      'kernel.unprivileged_userns_clone',
      { equals: '0' },
      { [CLONE]: '1\n' },
      'ruled-out',
      `${CLONE} = 1`,
    ],
    [
      'matches on whitespace-folded fields',
      'net.ipv4.ping_group_range',
      { matches: '^1 0$' },
      { [PING]: '1\t0\n' },
      'confirmed',
      `${PING} = 1 0`,
    ],
    [
      'matches, not satisfied',
      'net.ipv4.ping_group_range',
      { matches: '^1 0$' },
      { [PING]: '0\t2147483647\n' },
      'ruled-out',
      `${PING} = 0 2147483647`,
    ],
    [
      'missing: true on an absent file',
      'kernel.unprivileged_userns_clone',
      { missing: true },
      {},
      'confirmed',
      `${CLONE} does not exist`,
    ],
    [
      'missing: true on a present file',
      'kernel.unprivileged_userns_clone',
      { missing: true },
      { [CLONE]: '1' },
      'ruled-out',
      `${CLONE} = 1`,
    ],
    [
      'missing: false on a present file',
      'kernel.unprivileged_userns_clone',
      { missing: false },
      { [CLONE]: '1' },
      'confirmed',
      `${CLONE} = 1`,
    ],
    [
      'absent satisfies nothing but missing',
      'kernel.unprivileged_userns_clone',
      { equals: '0' },
      {},
      'ruled-out',
      `${CLONE} does not exist`,
    ],
    [
      'unreadable is unknown',
      'user.max_user_namespaces',
      { below: 1024 },
      { [NS]: { error: 'permission denied' } },
      'unknown',
      `${NS}: permission denied`,
    ],
    [
      'no number to compare is unknown',
      'user.max_user_namespaces',
      { below: 1024 },
      { [NS]: 'n/a' },
      'unknown',
      `${NS} = n/a`,
    ],
  ] as const)('%s', async (_name, key, confirms, files, verdict, evidence) => {
    expect(await sysctl(key, confirms, files)).toEqual({ id: 'p', verdict, evidence });
  });

  it('reports what it saw even with otherwise: unknown (the entry decides what that means)', async () => {
    expect(
      await sysctl('user.max_user_namespaces', { below: 1024 }, { [NS]: '28633' }, 'unknown'),
    ).toEqual({
      id: 'p',
      verdict: 'ruled-out',
      evidence: `${NS} = 28633`,
    });
  });

  it('refuses a key that would leave /proc/sys, without reading anything', async () => {
    const host = createFakeHost({ files: { '/etc/passwd': 'root:x:0:0' } });
    const result = await runProbe(
      { id: 'p', kind: 'sysctl', key: '../../etc/passwd', confirms: { missing: true } },
      host,
    );
    expect(result).toEqual({
      id: 'p',
      verdict: 'unknown',
      evidence: '`../../etc/passwd` is not a sysctl key',
    });
    expect(host.read).toEqual([]);
  });
});
