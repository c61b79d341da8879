// The paste view's selected card, its chosen fix and the scroll of the card list. ↑/↓ move from
// card to card, ←/→ from fix to fix across cards (the card follows), PgUp/PgDn scroll; every move
// scrolls just enough to show the selected card and its chosen fix. When new cards bring fixes,
// the newest one's first fix that cannot lose data is chosen, since that card is the one the user
// just pasted; new cards without fixes are selected only when no fix was chosen.
import { useState } from 'react';
import { firstFixOfCard, type CopyableFix } from './paste-fixes.js';
import { clampTop, reveal, type PasteRows } from './paste-rows.js';
import { useSyncedReducer } from './use-synced-reducer.js';

export interface PasteSelection {
  cardKey?: string;
  /** index in the copyable fixes; undefined when the selected card offers none */
  fix?: number;
  /** the first row shown */
  top: number;
}

export type PasteSelectionAction =
  | { type: 'arrived'; before: number }
  | { type: 'move-card'; by: number }
  | { type: 'card'; where: 'first' | 'last' }
  | { type: 'move-fix'; by: 1 | -1 }
  | { type: 'scroll'; by: number }
  | { type: 'reveal' };

export interface PasteGeometry {
  layout: PasteRows;
  fixes: readonly CopyableFix[];
  /** rows the window shows */
  height: number;
}

/**
 * The selection with a fix only if that fix is still the selected card's: when cards change
 * (a session that updates a verdict), fix numbers can shift under a stored index.
 */
export function normalizeSelection(
  state: PasteSelection,
  fixes: readonly CopyableFix[],
): PasteSelection {
  if (state.fix === undefined || fixes[state.fix]?.cardKey === state.cardKey) return state;
  const rest = { ...state };
  delete rest.fix;
  return rest;
}

export function pasteSelectionReducer(
  stored: PasteSelection,
  action: PasteSelectionAction,
  geometry: PasteGeometry,
): PasteSelection {
  const { layout, fixes, height } = geometry;
  const state = normalizeSelection(stored, fixes);
  const cards = layout.cards;
  const current = cards.findIndex((card) => card.key === state.cardKey);
  switch (action.type) {
    case 'arrived': {
      const newestWithFix = fixes[fixes.length - 1]?.cardKey;
      const index = cards.findIndex((card) => card.key === newestWithFix);
      if (index >= action.before) return select(state, index, geometry);
      if (state.fix === undefined && cards.length > action.before) {
        return select(state, cards.length - 1, geometry);
      }
      return state;
    }
    case 'move-card':
      if (cards.length === 0) return state;
      return select(state, clamp(current + action.by, 0, cards.length - 1), geometry);
    case 'card':
      if (cards.length === 0) return state;
      return select(state, action.where === 'first' ? 0 : cards.length - 1, geometry);
    case 'move-fix': {
      if (fixes.length === 0) return state;
      const fix = nextFix(state.fix, action.by, current, geometry);
      const card = cards.findIndex((block) => block.key === fixes[fix]!.cardKey);
      return show({ ...state, cardKey: cards[card]?.key, fix }, geometry);
    }
    case 'scroll':
      return {
        ...state,
        top: clampTop(
          clampTop(state.top, height, layout.rows.length) + action.by,
          height,
          layout.rows.length,
        ),
      };
    case 'reveal':
      return show(state, geometry);
  }
}

/** The next fix from `fix`, wrapping; with none chosen, the first after (or before) the card. */
function nextFix(
  fix: number | undefined,
  by: 1 | -1,
  card: number,
  { fixes, layout }: PasteGeometry,
): number {
  const n = fixes.length;
  if (fix !== undefined) return (fix + by + n) % n;
  const cardOf = (index: number) =>
    layout.cards.findIndex((block) => block.key === fixes[index]!.cardKey);
  if (by > 0) {
    const after = fixes.findIndex((_, index) => cardOf(index) > card);
    return after >= 0 ? after : 0;
  }
  const before = fixes.findLastIndex((_, index) => cardOf(index) < card);
  return before >= 0 ? before : n - 1;
}

function select(state: PasteSelection, index: number, geometry: PasteGeometry): PasteSelection {
  const key = geometry.layout.cards[index]?.key;
  if (key === undefined) return state;
  const fix = firstFixOfCard(geometry.fixes, key);
  return show({ ...state, cardKey: key, fix: fix >= 0 ? fix : undefined }, geometry);
}

/** Scrolls so the selected card shows, from its top if it fits, and then its chosen fix. */
function show(state: PasteSelection, { layout, fixes, height }: PasteGeometry): PasteSelection {
  const card = layout.cards.find((block) => block.key === state.cardKey);
  if (!card) return state;
  let top = clampTop(state.top, height, layout.rows.length);
  top = reveal(top, height, card.first, card.last);
  const rows = fixRows(layout, fixes, state.fix);
  if (rows) top = reveal(top, height, rows.first, rows.last);
  return { ...state, top: clampTop(top, height, layout.rows.length) };
}

/** The rows of a chosen fix (its text and its command) in the list. */
export function fixRows(layout: PasteRows, fixes: readonly CopyableFix[], fix: number | undefined) {
  const chosen = fix === undefined ? undefined : fixes[fix];
  if (!chosen) return undefined;
  const card = layout.cards.find((block) => block.key === chosen.cardKey);
  return card?.fixes.find((rows) => rows.number === chosen.number);
}

/** Whether every row of the chosen fix is in the window. */
export function isFixOnScreen(state: PasteSelection, geometry: PasteGeometry): boolean {
  const rows = fixRows(geometry.layout, geometry.fixes, state.fix);
  if (!rows) return false;
  const top = clampTop(state.top, geometry.height, geometry.layout.rows.length);
  return rows.first >= top && rows.last < top + geometry.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

export function usePasteSelection(geometry: PasteGeometry) {
  const [state, dispatch, latest] = useSyncedReducer(
    (current: PasteSelection, action: PasteSelectionAction) =>
      pasteSelectionReducer(current, action, geometry),
    (): PasteSelection => ({ top: 0 }),
  );
  // adjusted while rendering, not in an effect, so no frame shows new cards without a selection
  const cardCount = geometry.layout.cards.length;
  const [seen, setSeen] = useState(cardCount);
  if (cardCount !== seen) {
    setSeen(cardCount);
    if (cardCount > seen) dispatch({ type: 'arrived', before: seen });
  }
  const selection = normalizeSelection(state, geometry.fixes);
  const top = clampTop(state.top, geometry.height, geometry.layout.rows.length);
  return {
    ...selection,
    top,
    latest: () => normalizeSelection(latest(), geometry.fixes),
    dispatch,
  };
}
