// Search over the KB: fuse.js over titles, keywords, signature literals and ids for `search`;
// shared telling words (rank-by-shared-words.ts) for guesses on lines no signature matched.
// Pipe mode imports this module dynamically, the first time an error-looking line matches nothing,
// so fuse.js costs nothing at start-up.
import Fuse from 'fuse.js';
import type { SuggestionCandidate } from '../diagnose/types.js';
import type { CompiledEntry } from '../kb/types.js';
import { createWordRanker } from './rank-by-shared-words.js';

interface SearchDocument {
  id: string;
  title: string;
  keywords: string[];
  literals: string[];
}

export interface EntrySearch {
  /** best first; score 0 is a perfect match */
  search(query: string, limit?: number): SuggestionCandidate[];
  /** the entries nearest to an error line that matched no signature, best first, maybe none */
  nearest(text: string, limit?: number): SuggestionCandidate[];
}

/** per word: looser than this is not a match at all (fuse.js, for `search`) */
const WORD_THRESHOLD = 0.3;
/** a guess whose telling words are mostly not the entry's is no guess (see rank-by-shared-words) */
const LINE_THRESHOLD = 0.8;

export function createEntrySearch(entries: readonly CompiledEntry[]): EntrySearch {
  const documents: SearchDocument[] = entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    keywords: entry.keywords,
    literals: entry.signatures.map((signature) => signature.literal),
  }));
  const fuse = new Fuse(documents, {
    keys: [
      { name: 'title', weight: 1 },
      { name: 'keywords', weight: 2 },
      { name: 'literals', weight: 2 },
      { name: 'id', weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    threshold: WORD_THRESHOLD,
  });
  const words = createWordRanker(entries);
  const candidate = (document: SearchDocument, score: number): SuggestionCandidate => ({
    id: document.id,
    title: document.title,
    score,
  });

  return {
    search: (query, limit = 10) =>
      fuse.search(query, { limit }).map((hit) => candidate(hit.item, hit.score ?? 1)),
    nearest(text, limit = 3) {
      return words
        .rank(text, limit)
        .filter((guess) => guess.score <= LINE_THRESHOLD)
        .map((guess) => candidate(documents[guess.index]!, guess.score));
    },
  };
}
