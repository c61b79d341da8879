// Keyword search over the knowledge base, for `search`, the TUI's browse view and anything else
// that asks "which entries are about X". Built once (the fuse index and compiled signatures),
// then queried as often as the user types.
//
// Ranking: entries whose signature matches the query as an error line come first, then entries
// that contain the query verbatim (those that mention it more often first), then fuzzy matches
// (typos: `max_user_namspaces`); then by fuse.js score. A multi-word query is also scored word by word (the mean of each
// word's best score), because fuse scores a phrase as one pattern and `cgroup delegation` would
// otherwise find nothing.
import Fuse from 'fuse.js';
import type { CompiledEntry } from '../kb/types.js';
import { createExactClassifier, type ExactMatch } from './classify-exact-hits.js';
import { SEARCH_KEYS, toSearchDocument, type SearchDocument } from './search-documents.js';

export type SearchMatch = ExactMatch | 'fuzzy';

export interface SearchHit {
  entry: CompiledEntry;
  /** 0 is a perfect fuzzy match, 1 none; exact and signature hits keep their fuzzy score */
  score: number;
  match: SearchMatch;
}

export type KbSearch = (query: string) => SearchHit[];

/** Fuzzy-only hits scoring worse than this are noise (a shared word in a long summary). */
export const MAX_FUZZY_SCORE = 0.4;

/** `no`, `on`, `of` fuzzy-match nearly every entry; they only count as part of the phrase. */
const MIN_WORD_LENGTH = 3;

const MATCH_ORDER: Record<SearchMatch, number> = { signature: 0, exact: 1, fuzzy: 2 };

export function createKbSearch(entries: readonly CompiledEntry[]): KbSearch {
  const documents = entries.map(toSearchDocument);
  const fuse = new Fuse(documents, {
    keys: [...SEARCH_KEYS],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const classifyExact = createExactClassifier(documents);

  return (query) => {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const scores = scoreFuzzy(fuse, trimmed);
    const exact = classifyExact(trimmed);
    const hits: (SearchHit & { mentions: number })[] = [];
    for (const entry of entries) {
      const score = scores.get(entry.id) ?? 1;
      const { match, mentions } = exact.get(entry.id) ?? { match: 'fuzzy', mentions: 0 };
      if (match === 'fuzzy' && score > MAX_FUZZY_SCORE) continue;
      hits.push({ entry, score, match, mentions });
    }
    hits.sort(
      (a, b) =>
        MATCH_ORDER[a.match] - MATCH_ORDER[b.match] ||
        b.mentions - a.mentions ||
        a.score - b.score ||
        a.entry.id.localeCompare(b.entry.id),
    );
    return hits.map(({ entry, score, match }) => ({ entry, score, match }));
  };
}

function scoreFuzzy(fuse: Fuse<SearchDocument>, query: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const result of fuse.search(query)) scores.set(result.item.entry.id, result.score ?? 1);
  const words = query.split(/\s+/).filter((word) => word.length >= MIN_WORD_LENGTH);
  if (words.length < 2) return scores;

  const perWord = new Map<string, number[]>();
  words.forEach((word, index) => {
    for (const result of fuse.search(word)) {
      const id = result.item.entry.id;
      const best = perWord.get(id) ?? new Array<number>(words.length).fill(1);
      best[index] = Math.min(best[index]!, result.score ?? 1);
      perWord.set(id, best);
    }
  });
  for (const [id, best] of perWord) {
    const mean = best.reduce((sum, score) => sum + score, 0) / best.length;
    scores.set(id, Math.min(scores.get(id) ?? 1, mean));
  }
  return scores;
}
