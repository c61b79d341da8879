// Rejoining a long error that a terminal cut into several physical lines (copied from an
// 80-column terminal, or from a wide one as in the docs' own `read unix @->/run/systemd/private`
// example, where three 227-character lines are followed by a short one).

/** Narrower "runs" of equal-length lines are too likely to be a coincidence. */
const MIN_WRAP_WIDTH = 40;

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
 * How many of the preceding lines (at most `limit`) look like the start of the same wrapped line:
 * they all have the same length, at least MIN_WRAP_WIDTH characters, and the current line is not
 * longer. A terminal wraps at a fixed column, so equal lengths are its fingerprint: two or more
 * such lines, or one at a usual terminal width.
 */
export function countWrappedBefore(
  previous: (back: number) => string | undefined,
  current: string,
  limit: number,
): number {
  const first = previous(1);
  if (first === undefined) return 0;
  const width = stripLineEnd(first).length;
  if (width < MIN_WRAP_WIDTH || stripLineEnd(current).length > width) return 0;
  let count = 1;
  while (count < limit) {
    const text = previous(count + 1);
    if (text === undefined || stripLineEnd(text).length !== width) break;
    count++;
  }
  return count > 1 || USUAL_TERMINAL_WIDTHS.has(width) ? count : 0;
}

function stripLineEnd(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
