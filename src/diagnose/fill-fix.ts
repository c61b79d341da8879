// Fills captured values into a fix command. A value is filled in only when it matches its capture
// pattern in full, and always shell-quoted; otherwise the `{{name}}` placeholder stays, so a hostile
// log line can never shape the command a user copies.
import type { Fix } from '../kb/types.js';
import { shellQuote } from './shell-quote.js';
import type { FilledFix } from './types.js';

const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

/** Anchored patterns by source; the KB has a few dozen, so this stays small. */
const anchoredPatterns = new Map<string, RegExp | null>();

export function fillFix(
  fix: Fix,
  captures: Readonly<Record<string, string>>,
  patterns: Readonly<Record<string, string>>,
): FilledFix {
  const filled: FilledFix = { text: fix.text, root: fix.root };
  if (fix.destructive) filled.destructive = true;
  if (fix.command !== undefined) {
    filled.command = fix.command.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = Object.hasOwn(captures, name) ? captures[name] : undefined;
      const pattern = Object.hasOwn(patterns, name) ? patterns[name] : undefined;
      if (value === undefined || pattern === undefined) return placeholder;
      return fullyMatches(pattern, value) ? shellQuote(value) : placeholder;
    });
  }
  return filled;
}

function fullyMatches(pattern: string, value: string): boolean {
  let anchored = anchoredPatterns.get(pattern);
  if (anchored === undefined) {
    anchored = compileAnchored(pattern);
    anchoredPatterns.set(pattern, anchored);
  }
  return anchored !== null && anchored.test(value);
}

function compileAnchored(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    // the compiler rejects such patterns; if one slips through, nothing is filled in with it
    return null;
  }
}
