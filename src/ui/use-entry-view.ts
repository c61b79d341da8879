// Everything the entry view shows and its keys act on: the open entry laid out to the width, with
// its commands filled from the card it was opened from (as written in the KB when opened from
// Browse), which rows each fix takes, and the scroll position.
import { useMemo } from 'react';
import type { Diagnosis } from '../diagnose/types.js';
import { layoutEntry } from '../report/render-entry.js';
import { toTerminalSafe } from '../report/terminal-safe.js';
import { findEntryFixRows, listEntryFixes, withFilledCommands } from './entry-fixes.js';
import { useEntryState } from './use-entry-state.js';
import type { KnowledgeBase } from './use-knowledge-base.js';

export function useEntryView(
  kb: KnowledgeBase,
  entryId: string | undefined,
  /** the card the entry was opened from */
  card: { key: string; diagnosis: Diagnosis } | undefined,
  size: { width: number; height: number },
  color: boolean,
) {
  const entry = entryId === undefined ? undefined : kb.byId.get(entryId);
  const from = card && card.diagnosis.id === entryId ? card.diagnosis : undefined;
  const fixes = useMemo(() => (entry ? listEntryFixes(entry, from) : []), [entry, from]);
  const lines = useMemo(() => {
    if (!entry) return [];
    const shown = fixes.map((fix) => ({ ...fix, command: toTerminalSafe(fix.command, 4096) }));
    return layoutEntry(withFilledCommands(entry, shown), {
      width: size.width,
      quoteCode: !color,
    });
  }, [entry, fixes, size.width, color]);
  const fixRows = useMemo(() => findEntryFixRows(lines), [lines]);
  const state = useEntryState(entryId, lines.length, size.height, fixes.length);
  const isOnScreen = (fix: number) => {
    const rows = fixRows[fix];
    const top = state.latestScroll();
    return rows !== undefined && rows.first >= top && rows.last < top + size.height;
  };
  return {
    ...state,
    /** the entry and card this view was laid out for */
    entryId,
    cardKey: from ? card?.key : undefined,
    lines,
    fixes,
    fixRows,
    /** the copyable commands (the status line counts them) */
    commands: fixes,
    isOnScreen,
    height: size.height,
    lineCount: lines.length,
  };
}

export type EntryViewState = ReturnType<typeof useEntryView>;
