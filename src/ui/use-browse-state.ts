// The browse view's state as a pure reducer (tested without rendering): the filter text, which of
// filter or list has the keys, the entries that match, the selected one and the scroll window.
import { useMemo } from 'react';
import type { CompiledEntry } from '../kb/types.js';
import { useSyncedReducer } from './use-synced-reducer.js';

export type BrowseFocus = 'filter' | 'list';

export interface BrowseState {
  query: string;
  focus: BrowseFocus;
  items: readonly CompiledEntry[];
  cursor: number;
  /** index of the first visible item */
  offset: number;
  /** how many items fit on screen */
  visible: number;
}

export type BrowseAction =
  | { type: 'insert-text'; text: string }
  | { type: 'delete-back' }
  | { type: 'clear-query' }
  | { type: 'move'; by: number }
  | { type: 'move-page'; direction: 1 | -1 }
  | { type: 'move-to'; where: 'first' | 'last' }
  | { type: 'focus'; focus: BrowseFocus }
  | { type: 'resize'; visible: number };

export type BrowseFilter = (query: string) => readonly CompiledEntry[];

/** Long enough for any error fragment worth searching for. */
export const MAX_QUERY_LENGTH = 200;

export function initialBrowseState(filter: BrowseFilter, visible: number): BrowseState {
  return { query: '', focus: 'filter', items: filter(''), cursor: 0, offset: 0, visible };
}

export function createBrowseReducer(filter: BrowseFilter) {
  const withQuery = (state: BrowseState, query: string): BrowseState =>
    query === state.query ? state : { ...state, query, items: filter(query), cursor: 0, offset: 0 };

  return (state: BrowseState, action: BrowseAction): BrowseState => {
    switch (action.type) {
      case 'insert-text': {
        // a pasted line or typed characters; never control characters or a second line
        const text = (action.text.split(/[\r\n]/)[0] ?? '').replaceAll(/[\x00-\x1f\x7f-\x9f]/g, '');
        return withQuery(state, (state.query + text).slice(0, MAX_QUERY_LENGTH));
      }
      case 'delete-back':
        return withQuery(state, [...state.query].slice(0, -1).join(''));
      case 'clear-query':
        return withQuery(state, '');
      case 'move':
        return moveTo(state, state.cursor + action.by);
      case 'move-page':
        return moveTo(state, state.cursor + action.direction * Math.max(1, state.visible - 1));
      case 'move-to':
        return moveTo(state, action.where === 'first' ? 0 : state.items.length - 1);
      case 'focus':
        return { ...state, focus: action.focus };
      case 'resize':
        return moveTo({ ...state, visible: Math.max(1, action.visible) }, state.cursor);
    }
  };
}

/** Puts the cursor at `index` (clamped) and scrolls just enough to keep it visible. */
function moveTo(state: BrowseState, index: number): BrowseState {
  const cursor = Math.max(0, Math.min(index, state.items.length - 1));
  let offset = Math.min(state.offset, cursor);
  if (cursor >= offset + state.visible) offset = cursor - state.visible + 1;
  offset = Math.max(0, Math.min(offset, Math.max(0, state.items.length - state.visible)));
  return { ...state, cursor, offset };
}

export function useBrowseState(filter: BrowseFilter, visible: number) {
  const reducer = useMemo(() => createBrowseReducer(filter), [filter]);
  return useSyncedReducer(reducer, () => initialBrowseState(filter, visible));
}
