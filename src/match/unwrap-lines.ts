// Rejoining a long error that a terminal cut into several physical lines (copied from an
// 80-column terminal, or from a wide one as in the docs' own `read unix @->/run/systemd/private`
// example, where three 227-character lines are followed by a short one).
import { hasLogPrefix } from './normalize-line.js';

/** Narrower "runs" of equal-length lines are too likely to be a coincidence. */
export const MIN_WRAP_WIDTH = 40;
/**
 * No terminal wraps wider than this. Without the bound, a log of long identical-length lines
 * would be rejoined 64 KiB at a time and every unmatched signature retried on each join.
 */
export const MAX_WRAP_WIDTH = 1024;

/**
 * One full line before is weak evidence on its own (most log lines are longer than the next one);
 * it counts only at a usual terminal width.
 */
const USUAL_TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160, 200]);

/** The separators tried, in order: a cut mid-word needs none, a cut at a space lost the space. */
export const JOIN_SEPARATORS = ['', ' '] as const;

/**
 * The raw text of the `back` physical lines before the current one followed by the current one,
 * or undefined when fewer are known. `previous(1)` is the line just before.
 */
export function joinPhysicalLines(
  previous: (back: number) => string | undefined,
  current: string,
  back: number,
  separator: string,
): string | undefined {
  const parts: string[] = [];
  for (let k = back; k >= 1; k--) {
    const text = previous(k);
    if (text === undefined) return undefined;
    parts.push(stripLineEnd(text));
  }
  parts.push(stripLineEnd(current));
  return parts.join(separator);
}

/**
 * How many of the preceding lines (at most `limit`) may be the start of the same wrapped line as
 * `current`: each is at least MIN_WRAP_WIDTH characters, all have the same length (a terminal
 * wraps at a fixed column) and none is shorter than `current` (the last part of a wrap is never
 * longer than the others), and no line after the first starts with a log prefix (a journald or
 * timestamped line begins a record of its own). These gates keep a log whose lines share a weak
 * literal from being rejoined, and re-normalised, line after line.
 */
export function countJoinableBefore(
  previous: (back: number) => string | undefined,
  current: string,
  limit: number,
): number {
  if (hasLogPrefix(current)) return 0;
  const currentLength = stripLineEnd(current).length;
  let width = -1;
  let count = 0;
  while (count < limit) {
    const text = previous(count + 1);
    if (text === undefined) break;
    const length = stripLineEnd(text).length;
    if (length < MIN_WRAP_WIDTH || length > MAX_WRAP_WIDTH || length < currentLength) break;
    if (width !== -1 && length !== width) break;
    width = length;
    count++;
    if (hasLogPrefix(text)) break;
  }
  return count;
}

/**
 * For a line that matched on its own: how many preceding lines are, beyond doubt, the start of the
 * same wrapped line. On top of countJoinableBefore, the run has two lines or more, or one at a usual terminal width (a single longer line before a
 * shorter one is what most logs look like).
 */
export function countWrappedBefore(
  previous: (back: number) => string | undefined,
  current: string,
  limit: number,
): number {
  const count = countJoinableBefore(previous, current, limit);
  if (count === 0) return 0;
  const width = stripLineEnd(previous(1)!).length;
  return count > 1 || USUAL_TERMINAL_WIDTHS.has(width) ? count : 0;
}

function stripLineEnd(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
