// Guesses for an error line no signature matched: which entries' own wording shares the most
// telling words with it. Each entry is a bag of terms from its parts written in log words
// (GUESS_FIELDS in search-fields.ts), each term weighted by the most telling part it appears in
// (FIELD_WEIGHTS, the table every KB search uses); a term counts by how rare it is across entries
// (BM25's idf), so `uid_map` says more than `failed`. Word pairs count too: `no space` is not
// `space` and `no`. Pure and bounded: at most MAX_GUESS_CHARS of a line is read, and ranking
// touches only the entries that hold one of its at most MAX_TERMS terms.
//
// The index is inverted (term → the entries that have it), built in one pass without a set per
// text: pipe mode builds it when the first unrecognised error line arrives, so its cost is that
// line's cost.
import { FIELD_WEIGHTS, GUESS_FIELDS, type GuessTexts } from './search-fields.js';

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

const HEX_ID = /^[a-f0-9]{8,}$/;

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
  const lower = text.slice(0, MAX_GUESS_CHARS).toLowerCase();
  const terms: string[] = [];
  let previous: string | undefined;
  let i = 0;
  while (i < lower.length && terms.length < MAX_TERMS) {
    if (!isLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < lower.length && isWordCharacter(lower.charCodeAt(i))) i++;
    const word = lower.slice(start, i);
    if (word.length < 2 || STOP_WORDS.has(word) || (word.length >= 8 && HEX_ID.test(word))) {
      continue;
    }
    terms.push(word);
    if (previous !== undefined) terms.push(`${previous} ${word}`);
    previous = word;
  }
  return terms;
}

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isWordCharacter(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** the entries that have a term, in entry order, with the term's weight in each */
interface Postings {
  entries: number[];
  weights: number[];
}

export function createWordRanker(documents: readonly GuessTexts[]): WordRanker {
  const index = new Map<string, Postings>();
  // plain loops: this runs once per process, before the JIT has warmed up
  for (let entry = 0; entry < documents.length; entry++) {
    const texts = documents[entry]!;
    for (let f = 0; f < GUESS_FIELDS.length; f++) {
      const field = GUESS_FIELDS[f]!;
      const weight = FIELD_WEIGHTS[field];
      const fieldTexts = texts[field];
      for (let t = 0; t < fieldTexts.length; t++) {
        const terms = termsOf(fieldTexts[t]!);
        for (let k = 0; k < terms.length; k++) {
          const term = terms[k]!;
          const postings = index.get(term);
          if (postings === undefined) index.set(term, { entries: [entry], weights: [weight] });
          else {
            const last = postings.entries.length - 1;
            if (postings.entries[last] !== entry) {
              postings.entries.push(entry);
              postings.weights.push(weight);
            } else if (postings.weights[last]! < weight) postings.weights[last] = weight;
          }
        }
      }
    }
  }
  const n = documents.length;
  const idf = (postings: Postings | undefined) => {
    const df = postings?.entries.length ?? 0;
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
        .map((term) => idf(index.get(term)) * BEST_WEIGHT)
        .sort((a, b) => b - a)
        .slice(0, MAX_SCORED_TERMS)
        .reduce((sum, weight) => sum + weight, 0);
      if (best === 0) return [];
      const sums = new Float64Array(n);
      const shared = new Uint16Array(n);
      for (const term of terms) {
        const postings = index.get(term);
        if (postings === undefined) continue;
        const termIdf = idf(postings);
        const single = !term.includes(' ');
        for (let k = 0; k < postings.entries.length; k++) {
          const entry = postings.entries[k]!;
          sums[entry]! += termIdf * postings.weights[k]!;
          if (single) shared[entry]!++;
        }
      }
      const guesses: WordGuess[] = [];
      for (let entry = 0; entry < n; entry++) {
        if (shared[entry]! >= minShared) {
          guesses.push({
            index: entry,
            score: Math.max(0, 1 - sums[entry]! / best),
            shared: shared[entry]!,
          });
        }
      }
      return guesses.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, limit);
    },
  };
}
