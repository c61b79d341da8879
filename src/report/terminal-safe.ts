// Text from a log is untrusted: before it reaches a terminal, every escape sequence and control
// character goes (an OSC 52 could write the clipboard, a cursor move could hide a line), and so do
// the Unicode format characters that reorder or hide text (bidi overrides, zero-width ones).
import { stripEscapes } from '../match/strip-escapes.js';

const FORMAT_CHARACTERS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Long evidence lines are shortened for display; JSON output keeps the full text. */
export const MAX_SHOWN_LENGTH = 400;

export function toTerminalSafe(text: string, maxLength = MAX_SHOWN_LENGTH): string {
  const safe = stripEscapes(text).replaceAll('\t', ' ').replace(FORMAT_CHARACTERS, '');
  if (safe.length <= maxLength) return safe;
  let end = maxLength - 1;
  // do not cut a surrogate pair in half
  if (/[\ud800-\udbff]/.test(safe.charAt(end - 1))) end--;
  return `${safe.slice(0, end)}…`;
}
