// Which fix `c` copies in the paste view. Moves with ←/→ and wraps around; when a new card brings
// fixes, its first one is selected, since the card just pasted is the one the user looks at.
import { useEffect, useRef } from 'react';
import { useSyncedReducer } from './use-synced-reducer.js';

type Action = { type: 'move'; by: number; count: number } | { type: 'select'; index: number };

function selectionReducer(selected: number, action: Action): number {
  if (action.type === 'select') return action.index;
  return action.count === 0 ? 0 : (selected + action.by + action.count) % action.count;
}

export function useFixSelection(count: number, firstOfNewest: number) {
  const [selected, dispatch, latest] = useSyncedReducer(selectionReducer, () => 0);
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) dispatch({ type: 'select', index: firstOfNewest });
    seen.current = count;
  }, [count, firstOfNewest, dispatch]);
  const clamp = (index: number) => Math.min(index, Math.max(0, count - 1));
  return {
    selected: clamp(selected),
    latest: () => clamp(latest()),
    move: (by: number) => dispatch({ type: 'move', by, count }),
  };
}
