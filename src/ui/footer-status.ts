// The footer's status line for each view: counts, position and the chosen fix.
import type { BrowseState } from './use-browse-state.js';

export interface PasteCounts {
  linesRead: number;
  diagnoses: number;
  guesses: number;
  fixes: readonly unknown[];
  chosenFix?: { number: number };
}

export function pasteStatus(paste: PasteCounts): string {
  const parts = [
    `${count(paste.linesRead, 'line', 'lines')} read`,
    count(paste.diagnoses, 'diagnosis', 'diagnoses'),
    `${paste.guesses} not recognised`,
  ];
  if (paste.chosenFix)
    parts.push(`fix [${paste.chosenFix.number}] of ${paste.fixes.length} chosen`);
  return parts.join(' · ');
}

export function browseStatus(browse: BrowseState, total: number): string {
  const status = `${browse.items.length} of ${count(total, 'entry', 'entries')}`;
  return browse.focus === 'list' ? `${status} · keys go to the list` : status;
}

export interface EntryPosition {
  scroll: number;
  height: number;
  lineCount: number;
  fix: number;
  commands: readonly unknown[];
}

export function entryStatus(entry: EntryPosition): string {
  const last = Math.min(entry.scroll + entry.height, entry.lineCount);
  const status = `lines ${Math.min(entry.scroll + 1, entry.lineCount)}–${last} of ${entry.lineCount}`;
  if (entry.commands.length === 0) return status;
  return `${status} · fix [${entry.fix + 1}] of ${entry.commands.length} chosen`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
