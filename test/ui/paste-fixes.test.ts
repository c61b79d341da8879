import { expect, test } from 'vitest';
import { firstFixOfNewestCard, type CopyableFix } from '../../src/ui/paste-fixes.js';

const fix = (number: number, cardKey: string, destructive = false): CopyableFix => ({
  number,
  cardKey,
  entryId: cardKey,
  command: `command ${number}`,
  destructive,
});

test('the fix chosen for the user is the newest card first fix that cannot lose data', () => {
  expect(firstFixOfNewestCard([fix(1, 'a'), fix(2, 'b'), fix(3, 'b')])).toBe(1);
  expect(firstFixOfNewestCard([fix(1, 'a'), fix(2, 'b', true), fix(3, 'b')])).toBe(2);
  expect(firstFixOfNewestCard([])).toBe(0);
});
