// The guess part of the one KB search (create-kb-search.ts): the entries nearest to an error line
// that matched no signature. It is its own module because pipe mode needs nothing else of the
// search: it loads this one when the first unrecognised error line arrives, without fuse.js or
// the probe kinds, so that line costs little (npm run bench: one 64 KiB error-looking line).
// createKbSearch(...).guess is this same function over the same index.
import { MAX_GUESS_SCORE, type SuggestionCandidate } from './types.js';
import type { CompiledEntry } from '../kb/types.js';
import { createWordRanker } from './rank-by-shared-words.js';
import { guessTexts } from './search-fields.js';

export const MAX_GUESSES = 3;

export type GuessEntries = (line: string, limit?: number) => SuggestionCandidate[];

/** The index is built on the first call. */
export function createGuesser(entries: readonly CompiledEntry[]): GuessEntries {
  let ranker: ReturnType<typeof createWordRanker> | undefined;
  return (line, limit = MAX_GUESSES) => {
    ranker ??= createWordRanker(entries.map(guessTexts));
    return ranker
      .rank(line, limit)
      .filter((guess) => guess.score <= MAX_GUESS_SCORE)
      .map((guess) => {
        const entry = entries[guess.index]!;
        return { id: entry.id, title: entry.title, score: guess.score };
      });
  };
}
