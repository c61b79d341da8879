// Fuzzy search over the KB (fuse.js): titles, keywords, signature literals and ids.
// Pipe mode imports this module dynamically, the first time an error-looking line matches nothing,
// so fuse.js costs nothing at start-up.
import Fuse from 'fuse.js';
import type { SuggestionCandidate } from '../diagnose/types.js';
import type { CompiledEntry } from '../kb/types.js';

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

/** per word: looser than this is not a match at all */
const WORD_THRESHOLD = 0.3;
/** per line: the average over its words; above this, garbage or an unrelated error */
const LINE_THRESHOLD = 0.6;
/** one shared word is a coincidence, not a resemblance */
const MIN_SHARED_WORDS = 2;
const MAX_WORDS = 12;

/** words of log lines that say nothing about which cause it is */
const NOISE_WORDS = new Set(
  (
    'error errors failed failure fatal warning warn info debug level time msg docker dockerd daemon ' +
    'container containers response from with that this than into while when have does unknown ' +
    'cannot could should would because please see more exit status code start started ' +
    'starting running file'
  ).split(' '),
);

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
  const candidate = (document: SearchDocument, score: number): SuggestionCandidate => ({
    id: document.id,
    title: document.title,
    score,
  });

  return {
    search: (query, limit = 10) =>
      fuse.search(query, { limit }).map((hit) => candidate(hit.item, hit.score ?? 1)),
    nearest(text, limit = 3) {
      const words = significantWords(text);
      if (words.length === 0) return [];
      // per entry: the sum of (1 - best score) over the words it matched, and how many it matched
      const totals = new Map<number, { sum: number; shared: number }>();
      for (const word of words) {
        const best = new Map<number, number>();
        for (const hit of fuse.search(word)) {
          best.set(hit.refIndex, Math.min(best.get(hit.refIndex) ?? 1, hit.score ?? 1));
        }
        for (const [index, score] of best) {
          const total = totals.get(index) ?? { sum: 0, shared: 0 };
          totals.set(index, { sum: total.sum + 1 - score, shared: total.shared + 1 });
        }
      }
      return [...totals]
        .filter(([, total]) => total.shared >= MIN_SHARED_WORDS)
        .map(([index, total]) => candidate(documents[index]!, 1 - total.sum / words.length))
        .filter((found) => found.score <= LINE_THRESHOLD)
        .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
        .slice(0, limit);
    },
  };
}

/** Distinct lower-case words of four letters or more that are not noise, in order of appearance. */
function significantWords(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z][a-z0-9_]*(?:[-./][a-z0-9_]+)*/g) ?? [];
  const kept = new Set<string>();
  for (const word of words) {
    if (word.length >= 4 && !NOISE_WORDS.has(word) && !/\d{3}/.test(word)) kept.add(word);
    if (kept.size === MAX_WORDS) break;
  }
  return [...kept];
}
