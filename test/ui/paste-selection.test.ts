// The paste view's selection and scroll as a pure reducer over a laid-out list of cards.
import { describe, expect, it } from 'vitest';
import type { Diagnosis, FilledFix } from '../../src/diagnose/types.js';
import { firstFixNumbers, listPasteFixes } from '../../src/ui/paste-fixes.js';
import { clampTop, layoutPasteRows, reveal } from '../../src/ui/paste-rows.js';
import type { Card } from '../../src/ui/paste-session.js';
import {
  isFixOnScreen,
  normalizeSelection,
  pasteSelectionReducer,
  type PasteGeometry,
  type PasteSelection,
  type PasteSelectionAction,
} from '../../src/ui/use-paste-selection.js';

function diagnosisCard(key: string, fixes: FilledFix[]): Card {
  const diagnosis: Diagnosis = {
    id: key,
    title: `title of ${key}`,
    summary: 'summary',
    severity: 'error',
    verdict: 'unknown',
    reason: '',
    line: 1,
    lastLine: 1,
    count: 1,
    text: 'evidence',
    captures: {},
    probes: [],
    fixes,
    links: [],
    tags: [],
  };
  return { kind: 'diagnosis', key, diagnosis };
}

const command = (name: string, destructive = false): FilledFix => ({
  text: `fix ${name}`,
  command: `run ${name}`,
  root: false,
  ...(destructive ? { destructive } : {}),
});

const guess: Card = {
  kind: 'suggestion',
  key: 'g',
  suggestion: { line: 4, text: 'Error: odd', candidates: [] },
};

function geometry(cards: Card[], height: number): PasteGeometry {
  const fixes = listPasteFixes(cards);
  return {
    layout: layoutPasteRows(cards, firstFixNumbers(cards, fixes), [], 80),
    fixes,
    height,
  };
}

function run(g: PasteGeometry, ...actions: PasteSelectionAction[]): PasteSelection {
  return actions.reduce((state, action) => pasteSelectionReducer(state, action, g), {
    top: 0,
  } as PasteSelection);
}

// each diagnosis card: title, id line, evidence, summary, then 2 rows per fix; a gap between
const cards = [
  diagnosisCard('a', [command('a1'), command('a2')]),
  guess,
  diagnosisCard('b', [command('b1', true), command('b2')]),
];

describe('the card list rows', () => {
  it('knows the rows of every card and every numbered fix', () => {
    const { layout } = geometry(cards, 10);
    expect(
      layout.cards.map(({ key, first, last, fixes }) => ({ key, first, last, fixes })),
    ).toEqual([
      {
        key: 'a',
        first: 0,
        last: 7,
        fixes: [
          { number: 1, first: 4, last: 5 },
          { number: 2, first: 6, last: 7 },
        ],
      },
      { key: 'g', first: 9, last: 11, fixes: [] },
      {
        key: 'b',
        first: 13,
        last: 21,
        fixes: [
          { number: 3, first: 17, last: 19 },
          { number: 4, first: 20, last: 21 },
        ],
      },
    ]);
  });

  it('reveals rows with the smallest scroll, from their start when they do not fit', () => {
    expect(reveal(0, 5, 2, 3)).toBe(0);
    expect(reveal(0, 5, 6, 8)).toBe(4);
    expect(reveal(6, 5, 2, 3)).toBe(2);
    expect(reveal(0, 5, 10, 20)).toBe(10);
    expect(clampTop(30, 10, 23)).toBe(13);
    expect(clampTop(5, 10, 3)).toBe(0);
  });
});

describe('pasteSelectionReducer', () => {
  it('selects the newest card with fixes when cards arrive, and its first safe fix', () => {
    const g = geometry(cards, 10);
    const state = run(g, { type: 'arrived', before: 0 });
    // card b's first fix can lose data: its second one is chosen
    // rows 13 to 21 fit in 10; the list has 22 rows, so the window cannot start lower than 12
    expect(state).toEqual({ cardKey: 'b', fix: 3, top: 12 });
    expect(isFixOnScreen(state, g)).toBe(true);
  });

  it('selects a new card without fixes only when no fix was chosen', () => {
    const onlyGuess = geometry([guess], 10);
    expect(run(onlyGuess, { type: 'arrived', before: 0 })).toEqual({ cardKey: 'g', top: 0 });
    const g = geometry(cards.slice(0, 2), 10);
    const chosen = pasteSelectionReducer(
      { top: 0 },
      { type: 'arrived', before: 0 },
      geometry(cards.slice(0, 1), 10),
    );
    expect(pasteSelectionReducer(chosen, { type: 'arrived', before: 1 }, g)).toEqual(chosen);
  });

  it('moves card by card, choosing each card first safe fix, and scrolls to show it', () => {
    const g = geometry(cards, 10);
    const state = run(g, { type: 'arrived', before: 0 }, { type: 'move-card', by: -1 });
    expect(state).toEqual({ cardKey: 'g', top: 9 });
    expect(
      run(
        g,
        { type: 'arrived', before: 0 },
        { type: 'move-card', by: -1 },
        { type: 'move-card', by: -1 },
      ),
    ).toEqual({
      cardKey: 'a',
      fix: 0,
      top: 0,
    });
    expect(run(g, { type: 'card', where: 'first' }, { type: 'move-card', by: -1 })).toEqual({
      cardKey: 'a',
      fix: 0,
      top: 0,
    });
  });

  it('moves fix by fix across cards, wrapping around, the card following', () => {
    const g = geometry(cards, 10);
    const start = run(g, { type: 'card', where: 'first' });
    expect(pasteSelectionReducer(start, { type: 'move-fix', by: -1 }, g)).toEqual({
      cardKey: 'b',
      fix: 3,
      top: 12,
    });
    const second = pasteSelectionReducer(start, { type: 'move-fix', by: 1 }, g);
    expect(second).toEqual({ cardKey: 'a', fix: 1, top: 0 });
    // from the guess (no fix chosen), → goes to the next card's first fix
    const fromGuess = run(
      g,
      { type: 'card', where: 'first' },
      { type: 'move-card', by: 1 },
      { type: 'move-fix', by: 1 },
    );
    expect(fromGuess).toEqual({ cardKey: 'b', fix: 2, top: 12 });
  });

  it('scrolls by page without moving the selection; c then finds the fix off screen', () => {
    const g = geometry(cards, 10);
    const state = run(g, { type: 'card', where: 'first' }, { type: 'scroll', by: 9 });
    expect(state).toEqual({ cardKey: 'a', fix: 0, top: 9 });
    expect(isFixOnScreen(state, g)).toBe(false);
    const shown = pasteSelectionReducer(state, { type: 'reveal' }, g);
    expect(shown.top).toBe(0);
    expect(isFixOnScreen(shown, g)).toBe(true);
    expect(run(g, { type: 'scroll', by: 100 }).top).toBe(12);
    expect(run(g, { type: 'scroll', by: -100 }).top).toBe(0);
  });
});

describe('normalizeSelection', () => {
  it("drops a stored fix that is no longer the selected card's (numbers shifted)", () => {
    const g = geometry(cards, 10);
    // fix 2 is card b's first; selecting card a with it is stale
    expect(normalizeSelection({ cardKey: 'a', fix: 2, top: 0 }, g.fixes)).toEqual({
      cardKey: 'a',
      top: 0,
    });
    expect(normalizeSelection({ cardKey: 'b', fix: 2, top: 3 }, g.fixes)).toEqual({
      cardKey: 'b',
      fix: 2,
      top: 3,
    });
    expect(pasteSelectionReducer({ cardKey: 'a', fix: 9, top: 0 }, { type: 'reveal' }, g)).toEqual({
      cardKey: 'a',
      top: 0,
    });
  });
});
