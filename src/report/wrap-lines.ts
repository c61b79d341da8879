// Text output that fits a terminal: pipe text and `check` print lines of styled spans, and on a
// terminal each line wider than the terminal wraps at spaces with a hanging indent, so that
// `privileged` is never cut into `privileg` and `ed` by the terminal. Widths are counted on the
// spans' text, before any escape code exists. Not a terminal (a pipe, a file, a grep): no width,
// and every line stays whole.
import { lineLength, wrapSpans, type StyledLine } from './styled-text.js';

export interface TextLine {
  spans: StyledLine;
  /**
   * Columns the later parts of a wrapped line start at; by default two more than the line's own
   * leading spaces (`  fix: Let ordinary …` continues under `fix`'s text).
   */
  hang?: number;
  /** never wrapped: a command or a link the user copies must stay one line */
  whole?: boolean;
}

/** Extra indentation of a wrapped line's later parts, past the line's own. */
export const HANGING_INDENT = 2;

/**
 * Each line as it should be printed at `width` columns, or as given when `width` is undefined.
 * A word longer than the room left after the indent is cut; nothing else is.
 */
export function wrapLines(
  lines: readonly (TextLine | StyledLine)[],
  width: number | undefined,
): StyledLine[] {
  return lines.flatMap((item) => {
    const line: TextLine = Array.isArray(item) ? { spans: item } : (item as TextLine);
    if (width === undefined || line.whole || lineLength(line.spans) <= width) return [line.spans];
    const hang = Math.min(line.hang ?? leadingSpaces(line.spans) + HANGING_INDENT, width - 1);
    return wrapSpans(line.spans, { width, firstIndent: '', indent: ' '.repeat(Math.max(0, hang)) });
  });
}

function leadingSpaces(line: StyledLine): number {
  const text = line.map((part) => part.text).join('');
  return text.length - text.trimStart().length;
}
