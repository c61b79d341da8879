// Which fix `c` copies. Moves with ←/→ and wraps around; when a new card brings fixes, its first
// one is selected, since the card just pasted is the one the user is looking at.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useFixSelection(count: number, firstOfNewest: number) {
  const [selected, setSelected] = useState(0);
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) setSelected(firstOfNewest);
    seen.current = count;
  }, [count, firstOfNewest]);
  const move = useCallback(
    (by: number) => setSelected((current) => (count === 0 ? 0 : (current + by + count) % count)),
    [count],
  );
  const reset = useCallback(() => setSelected(0), []);
  return { selected: Math.min(selected, Math.max(0, count - 1)), move, reset };
}
