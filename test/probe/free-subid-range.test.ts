import { describe, expect, test } from 'vitest';
import { findFreeSubidRange, readSubidRanges } from '../../src/probe/free-subid-range.js';
import { computeHostValues } from '../../src/probe/host-values.js';
import { createFakeHost } from './fake-host.js';

describe('the first free subordinate range', () => {
  test('reads name:start:count lines, skipping comments and junk', () => {
    expect(
      readSubidRanges('# c\nalice:100000:65536\n\nbad line\nbob:165536:0\n1001:231072:65536\n'),
    ).toEqual([
      { start: 100000, end: 165536 },
      { start: 231072, end: 296608 },
    ]);
  });

  test('is 100000-165535 on an empty host', () => {
    expect(findFreeSubidRange(['', ''])).toBe('100000-165535');
  });

  test('never overlaps a range another user has, in either file', () => {
    // the case: /etc/subuid already gives 100000-165535 to another user
    expect(findFreeSubidRange(['otheruser:100000:65536\n', ''])).toBe('165536-231071');
    expect(findFreeSubidRange(['a:100000:65536\n', 'b:165536:65536\n'])).toBe('231072-296607');
    // a gap too small for a block is skipped
    expect(findFreeSubidRange(['a:100000:65536\nb:200000:65536\n', ''])).toBe('296608-362143');
  });

  test('is large enough for an id the log says must be mapped', () => {
    expect(findFreeSubidRange(['', ''], 65536)).toBe('100000-231071');
    expect(findFreeSubidRange(['', ''], 42)).toBe('100000-165535');
  });

  test('is computed from the host files, and left out when one cannot be read', async () => {
    const names = new Set(['free_subid_range']);
    const host = createFakeHost({ files: { '/etc/subuid': 'otheruser:100000:65536\n' } });
    expect(await computeHostValues(names, host, {})).toEqual({ free_subid_range: '165536-231071' });
    const unreadable = createFakeHost({ files: { '/etc/subuid': { error: 'permission denied' } } });
    expect(await computeHostValues(names, unreadable, {})).toEqual({});
  });
});
