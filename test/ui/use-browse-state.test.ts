import { describe, expect, it } from 'vitest';
import type { CompiledEntry } from '../../src/kb/types.js';
import {
  createBrowseReducer,
  initialBrowseState,
  MAX_QUERY_LENGTH,
  type BrowseAction,
  type BrowseState,
} from '../../src/ui/use-browse-state.js';

const ENTRIES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].map(
  (id) => ({ id }) as CompiledEntry,
);
const queries: string[] = [];
const filter = (query: string) => {
  queries.push(query);
  return ENTRIES.filter((entry) => entry.id.includes(query));
};
const reduce = createBrowseReducer(filter);

function run(state: BrowseState, ...actions: BrowseAction[]): BrowseState {
  return actions.reduce(reduce, state);
}

const start = initialBrowseState(filter, 3);
const ids = (state: BrowseState) => state.items.map((entry) => entry.id);

describe('browse state', () => {
  it('starts with every entry, the first selected, the filter focused', () => {
    expect(start).toMatchObject({ query: '', focus: 'filter', cursor: 0, offset: 0, visible: 3 });
    expect(ids(start)).toEqual(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta']);
  });

  it('filters live as text is typed and deleted, and selects the best match', () => {
    const moved = run(start, { type: 'move', by: 2 });
    const typed = run(moved, { type: 'insert-text', text: 'et' });
    expect(typed).toMatchObject({ query: 'et', cursor: 0, offset: 0 });
    expect(ids(typed)).toEqual(['beta', 'zeta']);
    const deleted = run(typed, { type: 'delete-back' });
    expect(ids(deleted)).toEqual(['beta', 'delta', 'epsilon', 'zeta']);
    expect(run(deleted, { type: 'clear-query' }).query).toBe('');
  });

  it('does not filter again when the query did not change', () => {
    queries.length = 0;
    expect(run(start, { type: 'delete-back' })).toBe(start);
    expect(queries).toEqual([]);
  });

  it('keeps only the first line of pasted text, without control characters, bounded', () => {
    expect(run(start, { type: 'insert-text', text: 'a\x1b[31mb\x07c\nsecond line' }).query).toBe(
      'a[31mbc',
    );
    expect(run(start, { type: 'insert-text', text: 'x'.repeat(500) }).query).toHaveLength(
      MAX_QUERY_LENGTH,
    );
  });

  it('moves within bounds and scrolls to keep the cursor visible', () => {
    const down = run(
      start,
      { type: 'move', by: 1 },
      { type: 'move', by: 1 },
      { type: 'move', by: 1 },
    );
    expect(down).toMatchObject({ cursor: 3, offset: 1 });
    expect(run(down, { type: 'move', by: 10 })).toMatchObject({ cursor: 5, offset: 3 });
    expect(run(down, { type: 'move', by: -10 })).toMatchObject({ cursor: 0, offset: 0 });
  });

  it('pages by one screen less one line, and jumps to either end', () => {
    expect(run(start, { type: 'move-page', direction: 1 })).toMatchObject({ cursor: 2, offset: 0 });
    expect(run(start, { type: 'move-to', where: 'last' })).toMatchObject({ cursor: 5, offset: 3 });
    const last = run(start, { type: 'move-to', where: 'last' });
    expect(run(last, { type: 'move-to', where: 'first' })).toMatchObject({ cursor: 0, offset: 0 });
    expect(run(last, { type: 'move-page', direction: -1 })).toMatchObject({ cursor: 3, offset: 3 });
  });

  it('keeps the cursor visible when the window shrinks or grows', () => {
    const last = run(start, { type: 'move-to', where: 'last' });
    expect(run(last, { type: 'resize', visible: 2 })).toMatchObject({ cursor: 5, offset: 4 });
    expect(run(last, { type: 'resize', visible: 10 })).toMatchObject({ cursor: 5, offset: 0 });
    expect(run(last, { type: 'resize', visible: 0 }).visible).toBe(1);
  });

  it('copes with no matches', () => {
    const none = run(start, { type: 'insert-text', text: 'xyz' }, { type: 'move', by: 1 });
    expect(none).toMatchObject({ items: [], cursor: 0, offset: 0 });
  });

  it('switches focus between the filter and the list', () => {
    const list = run(start, { type: 'focus', focus: 'list' });
    expect(list.focus).toBe('list');
    expect(run(list, { type: 'focus', focus: 'filter' }).focus).toBe('filter');
  });
});
