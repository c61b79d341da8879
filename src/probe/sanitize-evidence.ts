// Evidence strings are printed to terminals and JSON readers, and parts of them come from the host
// (file contents, command output, environment variables). A value with an escape sequence, a
// carriage return or a bidi override must not reach the terminal, and one line must stay one line.

/** C0/C1 controls and DEL, line/paragraph separators, bidi embedding/override/isolate marks. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g;

export const MAX_EVIDENCE_CHARS = 200;

/** One printable line: unsafe characters become a space, runs of spaces fold, length is capped. */
export function sanitizeEvidence(text: string, maxChars = MAX_EVIDENCE_CHARS): string {
  const clean = text.replace(UNSAFE, ' ').replace(/ {2,}/g, ' ').trim();
  return capText(clean, maxChars);
}

/** Cuts at maxChars code points and marks the cut with an ellipsis. */
export function capText(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  return chars.slice(0, Math.max(0, maxChars - 1)).join('') + '…';
}

/** A host value for quoting inside evidence: sanitized and short. */
export function excerpt(text: string, maxChars = 80): string {
  return sanitizeEvidence(text, maxChars);
}
