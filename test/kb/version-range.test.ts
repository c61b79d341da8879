import { describe, expect, test } from 'vitest';
import { isWithin, parseVersion, parseVersionRange, type VersionRange } from '../../src/kb/version-range.js';

const range = (text: string): VersionRange => {
  const parsed = parseVersionRange(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('version ranges', () => {
  test('versions parse as numbers, suffixes of distribution builds ignored', () => {
    expect(parseVersion('20.10.24+dfsg1')).toEqual([20, 10, 24]);
    expect(parseVersion('v2.3')).toEqual([2, 3, 0]);
    expect(parseVersion('1.0.0-rc93')).toEqual([1, 0, 0]);
    expect(parseVersion('28')).toEqual([28, 0, 0]);
    expect(parseVersion('twenty')).toBeUndefined();
  });

  test('comparators all hold; alternatives with ||; parts compare as numbers', () => {
    const r = range('>=28.0.0 <28.0.2');
    expect(isWithin([28, 0, 1], r)).toBe(true);
    expect(isWithin([28, 0, 2], r)).toBe(false);
    expect(isWithin([27, 5, 1], r)).toBe(false);
    expect(isWithin([20, 10, 10], range('>20.10.8'))).toBe(true);
    const either = range('<20.10.0 || =23.0.1');
    expect(isWithin([19, 3, 15], either)).toBe(true);
    expect(isWithin([23, 0, 1], either)).toBe(true);
    expect(isWithin([23, 0, 2], either)).toBe(false);
    expect(isWithin([1, 1, 0], range('1.1'))).toBe(true);
  });

  test('a malformed range says which word is wrong', () => {
    expect(parseVersionRange('>=28.0 <=twenty')).toBe(
      '`<=twenty` is not a comparator like `>=28.0.0` or `<20.10.8`',
    );
    expect(parseVersionRange('<1 ||')).toBe('empty alternative in `<1 ||`');
  });
});
