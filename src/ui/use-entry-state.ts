// The entry view's scroll position and chosen fix, reset whenever another entry is opened.
import { reveal } from './paste-rows.js';
import { useSyncedReducer } from './use-synced-reducer.js';

interface Position {
  entryId?: string;
  scroll: number;
  fix: number;
}

type PositionAction = { entryId?: string } & (
  | { type: 'scroll-by'; lines: number; max: number }
  | { type: 'scroll-to'; line: number; max: number }
  | { type: 'reveal'; first: number; last: number; height: number; max: number }
  | { type: 'select-fix'; by: number; count: number }
);

function positionReducer(stored: Position, action: PositionAction): Position {
  const state =
    stored.entryId === action.entryId ? stored : { entryId: action.entryId, scroll: 0, fix: 0 };
  const clamp = (line: number, max: number) => Math.max(0, Math.min(line, max));
  switch (action.type) {
    case 'scroll-by':
      return {
        ...state,
        scroll: clamp(clamp(state.scroll, action.max) + action.lines, action.max),
      };
    case 'scroll-to':
      return { ...state, scroll: clamp(action.line, action.max) };
    case 'reveal': {
      const from = clamp(state.scroll, action.max);
      return {
        ...state,
        scroll: clamp(reveal(from, action.height, action.first, action.last), action.max),
      };
    }
    case 'select-fix':
      return {
        ...state,
        fix: action.count === 0 ? 0 : (state.fix + action.by + action.count) % action.count,
      };
  }
}

export interface EntryState {
  scroll: number;
  fix: number;
  /** the chosen fix as of the last key, even before a re-render */
  latestFix(): number;
  /** the scroll position as of the last key */
  latestScroll(): number;
  scrollBy(lines: number): void;
  scrollTo(line: number): void;
  /** scrolls just enough to show lines first..last */
  reveal(first: number, last: number): void;
  selectFix(by: number): void;
}

export function useEntryState(
  entryId: string | undefined,
  lineCount: number,
  height: number,
  fixCount: number,
): EntryState {
  const [stored, dispatch, latest] = useSyncedReducer(positionReducer, () => ({
    entryId,
    scroll: 0,
    fix: 0,
  }));
  const max = Math.max(0, lineCount - height);
  const position = stored.entryId === entryId ? stored : { scroll: 0, fix: 0 };
  const current = () => (latest().entryId === entryId ? latest() : { scroll: 0, fix: 0 });
  return {
    scroll: Math.min(position.scroll, max),
    fix: position.fix,
    latestFix: () => current().fix,
    latestScroll: () => Math.min(current().scroll, max),
    scrollBy: (lines) => dispatch({ entryId, type: 'scroll-by', lines, max }),
    scrollTo: (line) => dispatch({ entryId, type: 'scroll-to', line, max }),
    reveal: (first, last) => dispatch({ entryId, type: 'reveal', first, last, height, max }),
    selectFix: (by) => dispatch({ entryId, type: 'select-fix', by, count: fixCount }),
  };
}
