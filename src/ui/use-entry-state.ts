// The entry view's scroll position and chosen fix, reset whenever another entry is opened.
// Updates are functional, so several keys arriving in one chunk each count.
import { useCallback, useState } from 'react';

interface Position {
  entryId?: string;
  scroll: number;
  fix: number;
}

export interface EntryState {
  scroll: number;
  fix: number;
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
  const [position, setPosition] = useState<Position>({ entryId, scroll: 0, fix: 0 });
  const maxScroll = Math.max(0, lineCount - height);
  const update = useCallback(
    (change: (current: Position) => Partial<Position>) =>
      setPosition((stored) => {
        const current = stored.entryId === entryId ? stored : { entryId, scroll: 0, fix: 0 };
        return { ...current, ...change(current) };
      }),
    [entryId],
  );
  const clamp = (line: number) => Math.max(0, Math.min(line, maxScroll));

  const current = position.entryId === entryId ? position : { scroll: 0, fix: 0 };
  return {
    scroll: clamp(current.scroll),
    fix: current.fix,
    scrollBy: (lines) => update(({ scroll }) => ({ scroll: clamp(clamp(scroll) + lines) })),
    scrollTo: (line) => update(() => ({ scroll: clamp(line) })),
    selectFix: (by) =>
      update(({ fix }) => ({ fix: fixCount === 0 ? 0 : (fix + by + fixCount) % fixCount })),
  };
}
