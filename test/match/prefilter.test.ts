import { describe, expect, test } from 'vitest';
import {
  buildPrefilter,
  MAX_SCANNED_LITERAL,
  mostVariedWindow,
} from '../../src/match/prefilter.js';

describe('buildPrefilter', () => {
  test('one literal, case-folded, serves every signature that names it; triggers are flagged', () => {
    const prefilter = buildPrefilter(
      ['No space left', 'no SPACE left', 'fork/exec'],
      ['erro', 'fork/exec'],
    );
    expect(prefilter.signatureCount).toBe(3);
    const literals = prefilter.signatureStart.length - 1;
    expect(literals).toBe(3);
    expect(Array.from(prefilter.signatureIds)).toEqual([0, 1, 2]);
    expect(Array.from(prefilter.isTrigger)).toEqual([0, 1, 1]);
  });

  test('a long literal is scanned for by its most varied window', () => {
    expect(
      mostVariedWindow(
        'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/proc/sys/user/max_user_namespaces',
        24,
      ),
    ).toBe('proc/sys/user/max_user_n');
    expect(mostVariedWindow('short', 24)).toBe('short');
    expect(mostVariedWindow('x'.repeat(30), MAX_SCANNED_LITERAL)).toBe('x'.repeat(24));
  });
});
