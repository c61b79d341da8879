// useReducer whose latest state event handlers can read back at once. Several keys can arrive in
// one read from the terminal ("subuid" then Enter); each must act on the state the previous one
// left, and React re-renders only after the whole read is handled.
import { useCallback, useRef, useState } from 'react';

export function useSyncedReducer<S, A>(
  reducer: (state: S, action: A) => S,
  init: () => S,
): [state: S, dispatch: (action: A) => void, latest: () => S] {
  const latest = useRef<{ state: S } | undefined>(undefined);
  latest.current ??= { state: init() };
  const current = useRef(reducer);
  current.current = reducer;
  const [state, setState] = useState(latest.current.state);
  const dispatch = useCallback((action: A) => {
    const next = current.current(latest.current!.state, action);
    latest.current = { state: next };
    setState(next);
  }, []);
  const get = useCallback(() => latest.current!.state, []);
  return [state, dispatch, get];
}
