// The footer's status line for each view: counts, position and the chosen fix.
import type { BrowseState } from './use-browse-state.js';

export function pasteStatus(
  lines: number,
  diagnoses: number,
  guesses: number,
  fix?: [number, number],
) {
  const parts = [
    `${count(lines, 'line', 'lines')} read`,
    count(diagnoses, 'diagnosis', 'diagnoses'),
    `${guesses} not recognised`,
  ];
  if (fix) parts.push(`fix [${fix[0]}] of ${fix[1]} chosen`);
  return parts.join(' · ');
}

export function browseStatus(browse: BrowseState, total: number) {
  const status = `${browse.items.length} of ${count(total, 'entry', 'entries')}`;
  return browse.focus === 'list' ? `${status} · keys go to the list` : status;
}

export function entryStatus(scroll: number, height: number, total: number, fix?: [number, number]) {
  const last = Math.min(scroll + height, total);
  const status = `lines ${Math.min(scroll + 1, total)}–${last} of ${total}`;
  return fix ? `${status} · fix [${fix[0]}] of ${fix[1]} chosen` : status;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
