import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { parseSubidFile } from '../../src/probe/kinds/subid.js';
import type { FakeHostSpec } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

function subid(
  confirms: ProbeCondition,
  spec: FakeHostSpec,
  file: '/etc/subuid' | '/etc/subgid' = '/etc/subuid',
) {
  return runProbe({ id: 's', kind: 'subid', file, confirms }, createFakeHost(spec));
}

describe('subid probes', () => {
  it.each([
    [
      'missing: true, no line for the user',
      { missing: true },
      'bob:100000:65536\n',
      'confirmed',
      '/etc/subuid has no range for alice, uid 1000',
    ],
    [
      'missing: true, a line by name',
      { missing: true },
      'alice:100000:65536\n',
      'ruled-out',
      '/etc/subuid: alice:100000:65536 (65536 ids)',
    ],
    [
      'missing: false, a line by uid',
      { missing: false },
      '1000:200000:65536\n',
      'confirmed',
      '/etc/subuid: 1000:200000:65536 (65536 ids)',
    ],
    [
      "below sums all of the user's ranges",
      { below: 65536 },
      'alice:100000:1000\n# comment\n1000:300000:2000\nbob:1:65536\n',
      'confirmed',
      '/etc/subuid: alice:100000:1000, 1000:300000:2000 (3000 ids)',
    ],
    [
      'below, not satisfied',
      { below: 65536 },
      'alice:100000:65536\n',
      'ruled-out',
      '/etc/subuid: alice:100000:65536 (65536 ids)',
    ],
    [
      'above, satisfied',
      { above: 65535 },
      'alice:100000:65536\n',
      'confirmed',
      '/etc/subuid: alice:100000:65536 (65536 ids)',
    ],
    [
      'absent fails below',
      { below: 65536 },
      '',
      'ruled-out',
      '/etc/subuid has no range for alice, uid 1000',
    ],
    [
      'a name that only starts like the user does not count',
      { missing: true },
      'alicia:100000:65536\n',
      'confirmed',
      '/etc/subuid has no range for alice, uid 1000',
    ],
  ] as const)('%s', async (_name, confirms, content, verdict, evidence) => {
    expect(await subid(confirms, { files: { '/etc/subuid': content } })).toEqual({
      id: 's',
      verdict,
      evidence,
    });
  });

  it('reads /etc/subgid when asked', async () => {
    const result = await subid(
      { missing: true },
      { files: { '/etc/subgid': 'alice:100000:65536' } },
      '/etc/subgid',
    );
    expect(result).toEqual({
      id: 's',
      verdict: 'ruled-out',
      evidence: '/etc/subgid: alice:100000:65536 (65536 ids)',
    });
  });

  it('a missing file is a missing range', async () => {
    expect(await subid({ missing: true }, {})).toEqual({
      id: 's',
      verdict: 'confirmed',
      evidence: '/etc/subuid does not exist',
    });
  });

  it('is unknown when ranges may come from another nsswitch source', async () => {
    const files = { '/etc/subuid': '', '/etc/nsswitch.conf': 'passwd: files sss\nsubid: sss\n' };
    expect(await subid({ missing: true }, { files })).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence:
        '/etc/subuid has no range for alice, uid 1000, but nsswitch.conf takes subid ranges from sss',
    });
  });

  it('is unknown when the file cannot be read or the user is not known', async () => {
    expect(
      await subid({ missing: true }, { files: { '/etc/subuid': { error: 'permission denied' } } }),
    ).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence: '/etc/subuid: permission denied',
    });
    expect(await subid({ missing: true }, { user: { uid: undefined, name: undefined } })).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence: 'the current user is not known',
    });
  });

  it('parses owner:start:count lines and skips the rest', () => {
    expect(parseSubidFile('alice:100000:65536\n\n# x:1:2\nbroken\nbob:1:x\n 1001:5:10 \n')).toEqual(
      [
        { owner: 'alice', start: 100000, count: 65536 },
        { owner: '1001', start: 5, count: 10 },
      ],
    );
  });
});
