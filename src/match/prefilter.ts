// The prefilter: one automaton over every signature's literal plus the error-looking trigger words,
// and the tables that turn "literal L ends here" into candidate signatures. Signatures are numbered
// globally, in entry order then signature order, so that sorting candidate ids gives the order in
// which an entry's signatures must be tried.
import { buildLiteralAutomaton, type LiteralAutomaton } from './literal-automaton.js';

/**
 * A literal longer than this is scanned for by its most varied window of this many characters:
 * any part of a required substring is required too, and a 24-character window is as selective in
 * practice while halving the automaton the KB's long literals would build at every start.
 */
export const MAX_SCANNED_LITERAL = 24;

export interface Prefilter {
  automaton: LiteralAutomaton;
  /** signature ids whose literal is literal l: signatureIds[signatureStart[l] .. signatureStart[l + 1]) */
  signatureStart: Int32Array;
  signatureIds: Int32Array;
  /** 1 when literal l is an error-looking trigger word */
  isTrigger: Uint8Array;
  /** 1 when literal l marks a line that may state a fact, such as a version */
  isFact: Uint8Array;
  signatureCount: number;
}

/**
 * @param signatureLiterals the literal of each signature, indexed by global signature id
 * @param triggerLiterals words that make an unmatched line worth a suggestion
 * @param factLiterals words of lines that may state a fact the diagnosis uses (versions)
 */
export function buildPrefilter(
  signatureLiterals: readonly string[],
  triggerLiterals: readonly string[],
  factLiterals: readonly string[] = [],
): Prefilter {
  const literalIds = new Map<string, number>();
  const signaturesOf: number[][] = [];
  const triggers = new Set<number>();
  const facts = new Set<number>();
  const idOf = (literal: string): number => {
    const key = foldAscii(mostVariedWindow(literal, MAX_SCANNED_LITERAL));
    let id = literalIds.get(key);
    if (id === undefined) {
      id = literalIds.size;
      literalIds.set(key, id);
      signaturesOf.push([]);
    }
    return id;
  };
  signatureLiterals.forEach((literal, signatureId) =>
    signaturesOf[idOf(literal)]!.push(signatureId),
  );
  for (const literal of triggerLiterals) triggers.add(idOf(literal));
  for (const literal of factLiterals) facts.add(idOf(literal));

  const signatureStart = new Int32Array(signaturesOf.length + 1);
  const flat: number[] = [];
  signaturesOf.forEach((ids, literalId) => {
    signatureStart[literalId] = flat.length;
    flat.push(...ids);
  });
  signatureStart[signaturesOf.length] = flat.length;

  return {
    automaton: buildLiteralAutomaton([...literalIds.keys()]),
    signatureStart,
    signatureIds: Int32Array.from(flat),
    isTrigger: Uint8Array.from(signaturesOf, (_, literalId) => (triggers.has(literalId) ? 1 : 0)),
    isFact: Uint8Array.from(signaturesOf, (_, literalId) => (facts.has(literalId) ? 1 : 0)),
    signatureCount: signatureLiterals.length,
  };
}

/** The window with the most distinct characters (the first of equals), by a sliding count. */
export function mostVariedWindow(literal: string, width: number): string {
  if (literal.length <= width) return literal;
  const folded = literal.toLowerCase();
  const counts = new Map<string, number>();
  const add = (ch: string, delta: number): void => {
    const count = (counts.get(ch) ?? 0) + delta;
    if (count === 0) counts.delete(ch);
    else counts.set(ch, count);
  };
  for (let i = 0; i < width; i++) add(folded[i]!, 1);
  let best = 0;
  let bestDistinct = counts.size;
  for (let start = 1; start + width <= folded.length; start++) {
    add(folded[start - 1]!, -1);
    add(folded[start + width - 1]!, 1);
    if (counts.size > bestDistinct) {
      best = start;
      bestDistinct = counts.size;
    }
  }
  return literal.slice(best, best + width);
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
