// The paste view's content as one list of screen rows: every card laid out to the width (a gap
// between cards), then the findings whose probes are still running, or what to do when nothing
// was pasted yet. The view shows a window of these rows; which rows each card and each numbered
// fix takes is kept, so the window can follow the selection and `c` can tell what is on screen.
import type { Severity } from '../kb/types.js';
import { span, wrapSpans, type StyledLine } from '../report/styled-text.js';
import { CARD_CHROME_WIDTH, layoutCard, type FixLines } from './layout-card.js';
import type { Card, PendingDiagnosis } from './paste-session.js';

/** Pending findings shown one per row; the rest are counted. */
export const MAX_PENDING_SHOWN = 3;

export interface PasteRow {
  line: StyledLine;
  /** index of the card the row belongs to; undefined for gaps and notes */
  card?: number;
}

export interface CardBlock {
  key: string;
  /** the colour of the card's bar */
  border: Severity | 'guess';
  /** rows of the card, first and last included */
  first: number;
  last: number;
  /** rows of its numbered fixes, in the whole list */
  fixes: FixLines[];
}

export interface PasteRows {
  rows: PasteRow[];
  cards: CardBlock[];
}

const INTRO = 'Paste rootless Docker error output here, or type a line and press Enter.';
const INTRO_NOTE = 'Each error it recognises becomes a card. Nothing you paste is run.';

export function layoutPasteRows(
  cards: readonly Card[],
  firstFixNumbers: ReadonlyMap<string, number>,
  pending: readonly PendingDiagnosis[],
  width: number,
): PasteRows {
  const inner = Math.max(10, width - CARD_CHROME_WIDTH);
  const rows: PasteRow[] = [];
  const blocks: CardBlock[] = [];
  cards.forEach((card, index) => {
    if (index > 0) rows.push({ line: [] });
    const first = rows.length;
    const layout = layoutCard(card, firstFixNumbers.get(card.key) ?? 1, inner);
    for (const line of layout.lines) rows.push({ line, card: index });
    blocks.push({
      key: card.key,
      border: card.kind === 'diagnosis' ? card.diagnosis.severity : 'guess',
      first,
      last: rows.length - 1,
      fixes: layout.fixes.map((fix) => ({
        ...fix,
        first: first + fix.first,
        last: first + fix.last,
      })),
    });
  });
  if (cards.length === 0 && pending.length === 0) {
    const intro = [
      ...wrapSpans([span(INTRO)], { width }),
      ...wrapSpans([span(INTRO_NOTE, 'dim')], { width }),
    ];
    rows.push(...intro.map((line) => ({ line })));
  }
  if (cards.length > 0 && pending.length > 0) rows.push({ line: [] });
  for (const found of pending.slice(0, MAX_PENDING_SHOWN)) {
    const text = `… checking ${found.entry.id} (line ${found.line}) on this host`;
    rows.push({ line: [span(text, 'dim')] });
  }
  const hidden = pending.length - MAX_PENDING_SHOWN;
  if (hidden > 0) rows.push({ line: [span(`… and ${hidden} more`, 'dim')] });
  return { rows, cards: blocks };
}

/** The smallest scroll from `top` that shows rows first..last (their start, when they do not fit). */
export function reveal(top: number, height: number, first: number, last: number): number {
  if (last - first + 1 > height || first < top) return first;
  if (last >= top + height) return last - height + 1;
  return top;
}

/** The scroll position kept within the rows (a resize or fewer rows can leave it past the end). */
export function clampTop(top: number, height: number, rowCount: number): number {
  return Math.max(0, Math.min(top, rowCount - height));
}
