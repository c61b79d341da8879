// Writes the compiled KB as pipe mode reads it fastest (scripts/build-kb.ts and, to refresh the
// prefilter after a code change, scripts/bundle.ts):
// - with the prefilter precomputed from its entries (src/match/prefilter-tables.ts), which pipe
//   mode would otherwise build at every start;
// - in pure ASCII, non-ASCII characters as \u escapes: JSON.parse gives the same strings, but Node
//   reads an ASCII file without UTF-8 decoding and parses it as a one-byte string (21 characters,
//   such as "—", made the whole 0.9 MB text a two-byte string: ~1.5 ms more at every start).
import { writeFile } from 'node:fs/promises';
import type { RuleSet } from '../src/kb/types.js';
import { precomputePrefilter } from '../src/match/stream-matcher.js';

export async function writeKbJson(file: string, ruleSet: RuleSet): Promise<void> {
  const stored: RuleSet = { ...ruleSet, prefilter: precomputePrefilter(ruleSet.entries) };
  await writeFile(file, `${asciiJson(stored)}\n`);
}

/** JSON.stringify with every character above U+007E escaped (a surrogate pair as two escapes). */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
