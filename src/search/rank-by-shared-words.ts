// Guesses for an error line no signature matched: which entries' own wording shares the most
// telling words with it. Each entry is a bag of terms from its parts written in log words
// (GUESS_FIELDS in search-fields.ts), each term weighted by the most telling part it appears in
// (FIELD_WEIGHTS, the table every KB search uses); a term counts by how rare it
// is across entries (BM25's idf), so `uid_map` says more than `failed`. Word pairs count too:
// `no space` is not `space` and `no`. Pure and bounded: at most MAX_GUESS_CHARS of a line is read.
import { FIELD_WEIGHTS, GUESS_FIELDS, type EntryTexts } from './search-fields.js';

/** A pasted minified blob that says `error:` must not cost more than a normal line. */
export const MAX_GUESS_CHARS = 2048;
const MAX_TERMS = 96;
/** one shared word is a coincidence, not a resemblance */
const MIN_SHARED_WORDS = 2;
/** how many of a line's most telling terms a perfect guess must share */
const MAX_SCORED_TERMS = 8;
/** the weight a perfect guess has on each of its terms: the most telling part's */
const BEST_WEIGHT = Math.max(...GUESS_FIELDS.map((field) => FIELD_WEIGHTS[field]));

/** Words every log line has; they say nothing about which cause it is. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or the this that to was were ' +
    'with error errors err failed failure fatal warning warn info debug level time msg docker ' +
    'dockerd daemon response code status exit while when run running start started starting ' +
    'please see more use using unknown could would should can will then'
  ).split(' '),
);

export interface WordGuess {
  index: number;
  /** 0 when every telling word of the line is the entry's; near 1 when almost none */
  score: number;
  shared: number;
}

export interface WordRanker {
  rank(text: string, limit: number): WordGuess[];
}

/** Lower-case words and adjacent word pairs, numbers and hex ids dropped. */
export function termsOf(text: string): string[] {
  const words = (
    text
      .slice(0, MAX_GUESS_CHARS)
      .toLowerCase()
      .match(/[a-z][a-z0-9_]*/g) ?? []
  ).filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^[a-f0-9]{8,}$/.test(word));
  const terms: string[] = [];
  for (let i = 0; i < words.length && terms.length < MAX_TERMS; i++) {
    terms.push(words[i]!);
    if (i > 0) terms.push(`${words[i - 1]} ${words[i]}`);
  }
  return terms;
}

export function createWordRanker(documents: readonly EntryTexts[]): WordRanker {
  const index = documents.map((texts) => {
    const weights = new Map<string, number>();
    for (const field of GUESS_FIELDS) {
      for (const text of texts[field]) {
        for (const term of new Set(termsOf(text))) {
          weights.set(term, Math.max(weights.get(term) ?? 0, FIELD_WEIGHTS[field]));
        }
      }
    }
    return weights;
  });
  const documentFrequency = new Map<string, number>();
  for (const weights of index) {
    for (const term of weights.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = index.length;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  return {
    rank(text, limit) {
      const terms = [...new Set(termsOf(text))];
      // one shared word is a coincidence, unless the line has at most two telling words
      const singles = terms.filter((term) => !term.includes(' ')).length;
      const minShared = singles <= 2 ? 1 : MIN_SHARED_WORDS;
      // what a perfect entry would score: the line's most telling terms at the highest weight (a
      // long line is not less like an entry for the extra words around its error)
      const best = terms
        .map((term) => idf(term) * BEST_WEIGHT)
        .sort((a, b) => b - a)
        .slice(0, MAX_SCORED_TERMS)
        .reduce((sum, weight) => sum + weight, 0);
      if (best === 0) return [];
      const guesses: WordGuess[] = [];
      index.forEach((weights, entryIndex) => {
        let sum = 0;
        let shared = 0;
        for (const term of terms) {
          const weight = weights.get(term);
          if (weight === undefined) continue;
          sum += idf(term) * weight;
          if (!term.includes(' ')) shared++;
        }
        if (shared >= minShared) {
          guesses.push({ index: entryIndex, score: Math.max(0, 1 - sum / best), shared });
        }
      });
      return guesses.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, limit);
    },
  };
}
