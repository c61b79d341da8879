import { expect, test } from 'vitest';
import type { Diagnosis } from '../../src/diagnose/types.js';
import {
  firstFixOfCard,
  firstFixOfNewestCard,
  listPasteFixes,
  type CopyableFix,
} from '../../src/ui/paste-fixes.js';
import type { Card } from '../../src/ui/paste-session.js';

const fix = (number: number, cardKey: string, destructive = false): CopyableFix => ({
  number,
  cardKey,
  entryId: cardKey,
  command: `command ${number}`,
  destructive,
  confirmed: false,
});

const card = (key: string, verdict: Diagnosis['verdict']): Card => ({
  kind: 'diagnosis',
  key,
  diagnosis: {
    id: key,
    title: key,
    summary: '',
    severity: 'error',
    verdict,
    reason: '',
    line: 1,
    lastLine: 1,
    count: 1,
    text: '',
    captures: {},
    probes: [],
    fixes: [
      { text: 'a fix', command: `fix of ${key}`, root: false },
      { text: 'words only', root: false },
    ],
    links: [],
    tags: [],
  },
});

test('the fix chosen for the user is the newest card first fix that cannot lose data', () => {
  expect(firstFixOfNewestCard([fix(1, 'a'), fix(2, 'b'), fix(3, 'b')])).toBe(1);
  expect(firstFixOfNewestCard([fix(1, 'a'), fix(2, 'b', true), fix(3, 'b')])).toBe(2);
  expect(firstFixOfNewestCard([])).toBe(0);
});

test("a card's first fix is its first that cannot lose data, else its first, else none", () => {
  const fixes = [fix(1, 'a'), fix(2, 'b', true), fix(3, 'b'), fix(4, 'c', true)];
  expect(firstFixOfCard(fixes, 'b')).toBe(2);
  expect(firstFixOfCard(fixes, 'c')).toBe(3);
  expect(firstFixOfCard(fixes, 'd')).toBe(-1);
});

test('a card the host ruled out offers no fix; the others are numbered in card order', () => {
  const cards = [card('a', 'unknown'), card('b', 'ruled-out'), card('c', 'confirmed')];
  expect(listPasteFixes(cards)).toEqual([
    {
      number: 1,
      cardKey: 'a',
      entryId: 'a',
      command: 'fix of a',
      destructive: false,
      confirmed: false,
    },
    {
      number: 2,
      cardKey: 'c',
      entryId: 'c',
      command: 'fix of c',
      destructive: false,
      confirmed: true,
    },
  ]);
});
