import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/search/edit-distance.js';
import { findNearestIds } from '../../src/search/find-nearest-ids.js';

const IDS = [
  'dbus-user-session-missing',
  'max-user-namespaces-too-low',
  'newuidmap-missing',
  'nested-userns-subuid-not-mapped',
  'subuid-range-missing',
  'userns-clone-disabled',
];

describe('findNearestIds', () => {
  it.each([
    ['max-user-namespace-too-low', ['max-user-namespaces-too-low']],
    ['max-user-namespaces', ['max-user-namespaces-too-low']],
    ['dbus-missing', ['dbus-user-session-missing']],
    ['userns clone', ['userns-clone-disabled']],
    ['subuid', ['subuid-range-missing', 'nested-userns-subuid-not-mapped']],
    ['foo', []],
    ['', []],
  ])('%j → %j', (wanted, expected) => {
    expect(findNearestIds(IDS, wanted)).toEqual(expected);
  });

  it('suggests at most three ids', () => {
    expect(
      findNearestIds(['a-missing', 'b-missing', 'c-missing', 'd-missing'], 'missing'),
    ).toHaveLength(3);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('counts a swap of two adjacent letters as one edit, and is Infinity past the length bound', () => {
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(editDistance('a', 'abcde', 3)).toBe(Infinity);
    expect(editDistance('a', 'abcd', 3)).toBe(3);
  });
});
