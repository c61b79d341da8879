// The second stage: the candidate signatures' regexes, compiled once at start, run on the
// normalised text of a line the prefilter flagged.
import type { CompiledEntry } from '../kb/types.js';

/** A captured value longer than this is cut: every capture is bounded (DESIGN.md section 6). */
export const MAX_CAPTURE_LENGTH = 1024;

export interface SignatureTable {
  entries: readonly CompiledEntry[];
  /** by global signature id (entry order, then signature order) */
  entryIndex: Int32Array;
  signatureIndex: Int32Array;
  regexes: readonly RegExp[];
  literals: readonly string[];
  /**
   * Order to try a line's candidate signatures in: by entry, then the most specific signature of
   * the entry first, so a finding carries the most precise message its line matched.
   */
  tryOrder: Int32Array;
}

export interface LineMatch {
  entryIndex: number;
  signatureIndex: number;
  captures: Record<string, string>;
}

export function compileSignatures(entries: readonly CompiledEntry[]): SignatureTable {
  const entryIndex: number[] = [];
  const signatureIndex: number[] = [];
  const regexes: RegExp[] = [];
  const literals: string[] = [];
  entries.forEach((entry, e) => {
    entry.signatures.forEach((signature, s) => {
      entryIndex.push(e);
      signatureIndex.push(s);
      regexes.push(compileRegex(entry.id, signature.regex));
      literals.push(signature.literal);
    });
  });
  const specificity = (id: number) =>
    entries[entryIndex[id]!]!.signatures[signatureIndex[id]!]!.specificity;
  const sorted = regexes
    .map((_, id) => id)
    .sort((a, b) => entryIndex[a]! - entryIndex[b]! || specificity(b) - specificity(a) || a - b);
  const tryOrder = new Int32Array(regexes.length);
  sorted.forEach((id, position) => (tryOrder[id] = position));
  return {
    entries,
    entryIndex: Int32Array.from(entryIndex),
    signatureIndex: Int32Array.from(signatureIndex),
    regexes,
    literals,
    tryOrder,
  };
}

function compileRegex(entryId: string, source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Broken KB: entry \`${entryId}\` has a regex that does not compile: ${reason}`);
  }
}

/** The named captures of signature `signatureId` on `text`, or undefined when it does not match. */
export function matchSignature(
  table: SignatureTable,
  signatureId: number,
  text: string,
): LineMatch | undefined {
  const found = table.regexes[signatureId]!.exec(text);
  if (!found) return undefined;
  const captures: Record<string, string> = {};
  for (const [name, value] of Object.entries(found.groups ?? {})) {
    if (value !== undefined) captures[name] = value.slice(0, MAX_CAPTURE_LENGTH);
  }
  return {
    entryIndex: table.entryIndex[signatureId]!,
    signatureIndex: table.signatureIndex[signatureId]!,
    captures,
  };
}
