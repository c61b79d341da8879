// The entry view's scroll position and chosen fix, reset whenever another entry is opened.
import { useSyncedReducer } from './use-synced-reducer.js';

interface Position {
  entryId?: string;
  scroll: number;
  fix: number;
}

type PositionAction = { entryId?: string } & (
  | { type: 'scroll-by'; lines: number; max: number }
  | { type: 'scroll-to'; line: number; max: number }
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
  scrollBy(lines: number): void;
  scrollTo(line: number): void;
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
  return {
    scroll: Math.min(position.scroll, max),
    fix: position.fix,
    latestFix: () => (latest().entryId === entryId ? latest().fix : 0),
    scrollBy: (lines) => dispatch({ entryId, type: 'scroll-by', lines, max }),
    scrollTo: (line) => dispatch({ entryId, type: 'scroll-to', line, max }),
    selectFix: (by) => dispatch({ entryId, type: 'select-fix', by, count: fixCount }),
  };
}
