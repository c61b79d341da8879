// Everything the entry view shows and its keys act on: the open entry laid out to the width, its
// copyable commands (as written in the KB, placeholders included), and the scroll position.
import { useMemo } from 'react';
import { layoutEntry } from '../report/render-entry.js';
import { useEntryState } from './use-entry-state.js';
import type { KnowledgeBase } from './use-knowledge-base.js';

export function useEntryView(
  kb: KnowledgeBase,
  entryId: string | undefined,
  size: { width: number; height: number },
  color: boolean,
) {
  const entry = entryId === undefined ? undefined : kb.byId.get(entryId);
  const lines = useMemo(
    () => (entry ? layoutEntry(entry, { width: size.width, quoteCode: !color }) : []),
    [entry, size.width, color],
  );
  const commands = entry?.fixes.flatMap((fix) => fix.command ?? []) ?? [];
  const state = useEntryState(entryId, lines.length, size.height, commands.length);
  return { ...state, lines, commands, height: size.height, lineCount: lines.length };
}
