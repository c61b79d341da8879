// The fix commands the paste view can copy, numbered in card order as the cards show them. A cause
// the host ruled out offers none (its card says so), as in pipe text.
import type { Card } from './paste-session.js';

export interface CopyableFix {
  number: number;
  cardKey: string;
  entryId: string;
  command: string;
  /** can lose data: never chosen for the user, only picked by hand */
  destructive: boolean;
  /** the host confirmed the cause (a destructive fix is copied only then) */
  confirmed: boolean;
}

export function listPasteFixes(cards: readonly Card[]): CopyableFix[] {
  const fixes: CopyableFix[] = [];
  for (const card of cards) {
    if (card.kind !== 'diagnosis' || card.diagnosis.verdict === 'ruled-out') continue;
    for (const fix of card.diagnosis.fixes) {
      if (fix.command === undefined) continue;
      fixes.push({
        number: fixes.length + 1,
        cardKey: card.key,
        entryId: card.diagnosis.id,
        command: fix.command,
        destructive: fix.destructive === true,
        confirmed: card.diagnosis.verdict === 'confirmed',
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

/** Index in `fixes` of a card's first fix that cannot lose data (else its first); -1: none. */
export function firstFixOfCard(fixes: readonly CopyableFix[], cardKey: string): number {
  const safe = fixes.findIndex((fix) => fix.cardKey === cardKey && !fix.destructive);
  return safe >= 0 ? safe : fixes.findIndex((fix) => fix.cardKey === cardKey);
}

/** Index in `fixes` of the newest card's first fix that cannot lose data. */
export function firstFixOfNewestCard(fixes: readonly CopyableFix[]): number {
  const newest = fixes[fixes.length - 1]?.cardKey;
  return Math.max(
    0,
    fixes.findIndex((fix) => fix.cardKey === newest && !fix.destructive),
  );
}
