// The fix commands the paste view can copy, numbered in card order as the cards show them.
import type { Card } from './paste-session.js';

export interface CopyableFix {
  number: number;
  cardKey: string;
  entryId: string;
  command: string;
  /** can lose data: never chosen for the user, only picked by hand */
  destructive: boolean;
}

export function listPasteFixes(cards: readonly Card[]): CopyableFix[] {
  const fixes: CopyableFix[] = [];
  for (const card of cards) {
    if (card.kind !== 'diagnosis') continue;
    for (const fix of card.diagnosis.fixes) {
      if (fix.command === undefined) continue;
      fixes.push({
        number: fixes.length + 1,
        cardKey: card.key,
        entryId: card.diagnosis.id,
        command: fix.command,
        destructive: fix.destructive === true,
      });
    }
  }
  return fixes;
}

/** Each card's first copy number (cards without fixes get the number the next fix will have). */
export function firstFixNumbers(cards: readonly Card[], fixes: readonly CopyableFix[]) {
  const numbers = new Map<string, number>();
  let next = 1;
  for (const card of cards) {
    numbers.set(card.key, next);
    next += fixes.filter((fix) => fix.cardKey === card.key).length;
  }
  return numbers;
}

/** Index in `fixes` of the newest card's first fix that cannot lose data. */
export function firstFixOfNewestCard(fixes: readonly CopyableFix[]): number {
  const newest = fixes[fixes.length - 1]?.cardKey;
  return Math.max(
    0,
    fixes.findIndex((fix) => fix.cardKey === newest && !fix.destructive),
  );
}
