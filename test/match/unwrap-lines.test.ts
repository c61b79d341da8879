import { describe, expect, it } from 'vitest';
import { countJoinableBefore, MAX_WRAP_WIDTH } from '../../src/match/unwrap-lines.js';

const history = (lines: string[]) => (back: number) => lines[lines.length - back];

describe('countJoinableBefore', () => {
  it('joins up to the limit of preceding lines of one terminal width', () => {
    const lines = ['x'.repeat(80), 'y'.repeat(80), 'z'.repeat(80)];
    expect(countJoinableBefore(history(lines), 'tail of the error', 3)).toBe(3);
    expect(countJoinableBefore(history(lines), 'tail of the error', 2)).toBe(2);
  });

  it('stops at a line of another width or a short one', () => {
    expect(countJoinableBefore(history(['a'.repeat(100), 'b'.repeat(80)]), 'tail', 3)).toBe(1);
    expect(countJoinableBefore(history(['short line']), 'tail', 3)).toBe(0);
  });

  it('a wrap ends with its shortest part: a current line longer than the one before is not a tail', () => {
    const before = ['x'.repeat(80)];
    expect(countJoinableBefore(history(before), 'y'.repeat(81), 3)).toBe(0);
    expect(countJoinableBefore(history(before), 'y'.repeat(80), 3)).toBe(1);
  });

  it('a line with a journald prefix starts a record: it is never a continuation', () => {
    const before = ['x'.repeat(80)];
    const prefixed = 'Sep 27 14:44:14 host dockerd-rootless.sh[3117]: tail';
    expect(countJoinableBefore(history(before), prefixed, 3)).toBe(0);
    // but it may be the first part of a wrap
    const first = `Sep 27 14:44:14 host dockerd-rootless.sh[3117]: ${'x'.repeat(32)}`;
    expect(countJoinableBefore(history(['y'.repeat(80), first]), 'tail', 3)).toBe(1);
  });

  it('never joins lines wider than any terminal, whatever their lengths', () => {
    const wide = 'w'.repeat(MAX_WRAP_WIDTH + 1);
    expect(countJoinableBefore(history([wide, wide, wide]), 'tail', 3)).toBe(0);
    const widest = 'v'.repeat(MAX_WRAP_WIDTH);
    expect(countJoinableBefore(history([widest]), 'tail', 3)).toBe(1);
  });
});
