import { describe, expect, test } from 'vitest';
import { FindingGroups, findingKey } from '../../src/match/group.js';

const match = (entryId: string, line: number, captures: Record<string, string> = {}) => ({
  entryId,
  signatureIndex: 0,
  captures,
  line,
  text: `text ${line}`,
});

describe('FindingGroups', () => {
  test('one finding per entry and captures; repeats raise the count and move the last line', () => {
    const groups = new FindingGroups();
    expect(groups.add(match('a', 3, { user: 'alice' }))).toMatchObject({ firstLine: 3, count: 1 });
    expect(groups.add(match('a', 9, { user: 'alice' }))).toBeUndefined();
    expect(groups.add(match('a', 12, { user: 'bob' }))).toMatchObject({ firstLine: 12 });
    expect(groups.add(match('b', 4))).toMatchObject({ entryId: 'b' });
    expect(
      groups.findings.map(({ entryId, captures, firstLine, lastLine, count, text }) => ({
        entryId,
        captures,
        firstLine,
        lastLine,
        count,
        text,
      })),
    ).toEqual([
      {
        entryId: 'a',
        captures: { user: 'alice' },
        firstLine: 3,
        lastLine: 9,
        count: 2,
        text: 'text 3',
      },
      {
        entryId: 'a',
        captures: { user: 'bob' },
        firstLine: 12,
        lastLine: 12,
        count: 1,
        text: 'text 12',
      },
      { entryId: 'b', captures: {}, firstLine: 4, lastLine: 4, count: 1, text: 'text 4' },
    ]);
  });

  test('the key does not depend on the order captures were named in', () => {
    expect(findingKey('a', { uid: '1', user: 'x' })).toBe(findingKey('a', { user: 'x', uid: '1' }));
    expect(findingKey('a', { user: 'x' })).not.toBe(findingKey('b', { user: 'x' }));
  });

  test("past the bound, new captures fold into the entry's first finding", () => {
    const groups = new FindingGroups(2);
    groups.add(match('a', 1, { pid: '1' }));
    groups.add(match('b', 2, { pid: '2' }));
    expect(groups.add(match('a', 3, { pid: '3' }))).toBeUndefined();
    expect(groups.add(match('c', 4, { pid: '4' }))).toMatchObject({ entryId: 'c' });
    expect(groups.findings.map((f) => [f.entryId, f.count, f.lastLine])).toEqual([
      ['a', 2, 3],
      ['b', 1, 2],
      ['c', 1, 4],
    ]);
  });
});
