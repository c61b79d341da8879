// The fixes the entry view can copy. Opened from a pasted error's card, an entry fills its
// commands the way that card did (captured values, validated and shell-quoted, and host values),
// so `c` copies `… start='80' …` and not the KB's `{{port}}`; the view shows the filled commands,
// so what is copied is what is on screen. Opened from Browse, the commands are the KB's own.
import type { Diagnosis } from '../diagnose/types.js';
import { fillFix } from '../diagnose/fill-fix.js';
import { HOST_VALUE_PATTERNS } from '../kb/host-values.js';
import type { CompiledEntry } from '../kb/types.js';
import type { StyledLine } from '../report/styled-text.js';
import type { CopyCandidate } from './copy-refusal.js';

export type EntryFix = CopyCandidate;

/** The entry's commands, numbered as the entry view numbers them, filled from the card if any. */
export function listEntryFixes(entry: CompiledEntry, card?: Diagnosis): EntryFix[] {
  const fixes: EntryFix[] = [];
  for (const fix of entry.fixes) {
    if (fix.command === undefined) continue;
    let command = fix.command;
    if (card) {
      // the card's own command when it showed this fix (it had the host values too)
      const shown = card.fixes.find((filled) => filled.text === fix.text)?.command;
      command =
        shown ??
        fillFix(fix, card.captures, { ...entry.captures, ...HOST_VALUE_PATTERNS }).command ??
        command;
    }
    fixes.push({
      number: fixes.length + 1,
      command,
      destructive: fix.destructive === true,
      confirmed: card?.verdict === 'confirmed',
    });
  }
  return fixes;
}

/** The entry with its commands replaced by the filled ones, for layoutEntry to show. */
export function withFilledCommands(
  entry: CompiledEntry,
  fixes: readonly EntryFix[],
): CompiledEntry {
  let next = 0;
  return {
    ...entry,
    fixes: entry.fixes.map((fix) =>
      fix.command === undefined ? fix : { ...fix, command: fixes[next++]?.command ?? fix.command },
    ),
  };
}

/** Where layoutEntry starts a numbered fix: `  [n] ` at the start of a line. */
const FIX_LABEL = /^ {2}\[(\d+)\] /;
/** where it starts a fix without a command: `  -   ` */
const TEXT_FIX_LABEL = /^ {2}- /;

/**
 * The rows each numbered fix takes in layoutEntry's lines (its text and its command): the lines
 * from its `  [n] ` label to the next label or the blank line that ends the Fixes section.
 */
export function findEntryFixRows(lines: readonly StyledLine[]): { first: number; last: number }[] {
  const rows: { first: number; last: number }[] = [];
  const heading = lines.findIndex(
    (line) => line.length === 1 && line[0]!.role === 'heading' && line[0]!.text === 'Fixes',
  );
  if (heading < 0) return rows;
  let open: { first: number; last: number } | undefined;
  for (let index = heading + 1; index < lines.length; index++) {
    const text = lines[index]!.map((part) => part.text).join('');
    if (text.trim() === '') break;
    const label = FIX_LABEL.exec(text);
    if (label || TEXT_FIX_LABEL.test(text)) {
      open = label ? { first: index, last: index } : undefined;
      if (open) rows.push(open);
    } else if (open) {
      open.last = index;
    }
  }
  return rows;
}
