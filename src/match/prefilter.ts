// The prefilter: one automaton over every signature's literal plus the error-looking trigger words,
// and the tables that turn "literal L ends here" into candidate signatures. Signatures are numbered
// globally, in entry order then signature order, so that sorting candidate ids gives the order in
// which an entry's signatures must be tried.
import { buildLiteralAutomaton, type LiteralAutomaton } from './literal-automaton.js';

export interface Prefilter {
  automaton: LiteralAutomaton;
  /** signature ids whose literal is literal l: signatureIds[signatureStart[l] .. signatureStart[l + 1]) */
  signatureStart: Int32Array;
  signatureIds: Int32Array;
  /** 1 when literal l is an error-looking trigger word */
  isTrigger: Uint8Array;
  signatureCount: number;
}

/**
 * @param signatureLiterals the literal of each signature, indexed by global signature id
 * @param triggerLiterals words that make an unmatched line worth a suggestion
 */
export function buildPrefilter(
  signatureLiterals: readonly string[],
  triggerLiterals: readonly string[],
): Prefilter {
  const literalIds = new Map<string, number>();
  const signaturesOf: number[][] = [];
  const triggers = new Set<number>();
  const idOf = (literal: string): number => {
    const key = foldAscii(literal);
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
    signatureCount: signatureLiterals.length,
  };
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}
