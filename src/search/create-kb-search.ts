// The one search over the knowledge base. Every "which entries are about X" goes through here:
// guesses for error lines no signature matched (pipe mode, the TUI, the corpus), `search`, the
// TUI's browse filter, and "did you mean" for a mistyped entry id. One document per entry
// (search-fields.ts) and one table of weights (FIELD_WEIGHTS) serve all of them, and each part is
// built on first use. Guesses are guess-entries.ts, which pipe mode loads alone: it only guesses,
// and must not pay for fuse.js or the probe kinds on its first unrecognised line.
//
// Ranking a query: entries whose signature matches the query as an error line come first, then
// entries that contain the query verbatim (those that mention it more often first), then fuzzy
// matches (typos: `max_user_namspaces`), by fuse.js score. A multi-word query is also scored word
// by word (the mean of each word's best score), because fuse scores a phrase as one pattern and
// `cgroup delegation` would otherwise find nothing. Each hit says why it matched: which parts of
// the entry, and which of the query's words they contain.
import Fuse, { type FuseResult } from 'fuse.js';
import type { SuggestionCandidate } from './types.js';
import type { CompiledEntry } from '../kb/types.js';
import { createExactClassifier, type ExactMatch } from './classify-exact-hits.js';
import { findNearestIds } from './find-nearest-ids.js';
import { probeKindOf } from '../probe/probe-kinds.js';
import { createGuesser } from './guess-entries.js';
import {
  entryTexts,
  FIELD_WEIGHTS,
  SEARCH_FIELDS,
  type EntryTexts,
  type SearchField,
} from './search-fields.js';

export type SearchMatch = ExactMatch | 'fuzzy';

export interface SearchHit {
  entry: CompiledEntry;
  /** 0 is a perfect fuzzy match, 1 none; exact and signature hits keep their fuzzy score */
  score: number;
  match: SearchMatch;
  /** why it matched: the entry's parts that hold the query (SEARCH_FIELDS order) and its words */
  why: { fields: SearchField[]; terms: string[] };
}

export interface KbSearch {
  /** the entries about `query`, best first (`search`, the browse filter) */
  query(query: string): SearchHit[];
  /** the entries nearest to an error line that matched no signature, best first, maybe none */
  guess(line: string, limit?: number): SuggestionCandidate[];
  /** the ids the user probably meant by an unknown one; failing that, the entries its words are about */
  didYouMean(id: string): string[];
}

/** Fuzzy-only hits scoring worse than this are noise (a shared word in a long summary). */
export const MAX_FUZZY_SCORE = 0.4;

export const MAX_DID_YOU_MEAN = 3;

/** Fuzzy scoring costs grow with the query: a longer one (a pasted blob) is cut here. */
export const MAX_QUERY_CHARS = 512;

/** `no`, `on`, `of` fuzzy-match nearly every entry; they only count as part of the phrase. */
const MIN_WORD_LENGTH = 3;

const MATCH_ORDER: Record<SearchMatch, number> = { signature: 0, exact: 1, fuzzy: 2 };

/** fuse.js documents: the entry's parts under their field names (SEARCH_FIELDS are its keys) */
type FuseDocument = EntryTexts;

export function createKbSearch(entries: readonly CompiledEntry[]): KbSearch {
  const documents = entries.map((entry) =>
    entryTexts(entry, (probe) => probeKindOf(probe)?.target(probe) ?? ''),
  );
  let fuzzy: Fuse<FuseDocument> | undefined;
  let classifyExact: ReturnType<typeof createExactClassifier> | undefined;

  const query = (text: string): SearchHit[] => {
    const trimmed = text.slice(0, MAX_QUERY_CHARS).trim();
    if (trimmed === '') return [];
    fuzzy ??= new Fuse(documents, {
      keys: SEARCH_FIELDS.map((name) => ({ name, weight: FIELD_WEIGHTS[name] })),
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: MAX_FUZZY_SCORE,
    });
    classifyExact ??= createExactClassifier(entries, documents);
    const scores = scoreFuzzy(fuzzy, trimmed);
    const exact = classifyExact(trimmed);
    const hits: (SearchHit & { mentions: number })[] = [];
    entries.forEach((entry, index) => {
      const fuzzyHit = scores.get(index);
      const score = fuzzyHit?.score ?? 1;
      const exactHit = exact.get(entry.id);
      if (exactHit === undefined && score > MAX_FUZZY_SCORE) return;
      const fields = new Set([...(exactHit?.fields ?? []), ...(fuzzyHit?.fields ?? [])]);
      hits.push({
        entry,
        score,
        match: exactHit?.match ?? 'fuzzy',
        mentions: exactHit?.mentions ?? 0,
        why: {
          fields: SEARCH_FIELDS.filter((field) => fields.has(field)),
          terms: wordsFoundIn(trimmed, documents[index]!, fields),
        },
      });
    });
    hits.sort(
      (a, b) =>
        MATCH_ORDER[a.match] - MATCH_ORDER[b.match] ||
        b.mentions - a.mentions ||
        a.score - b.score ||
        a.entry.id.localeCompare(b.entry.id),
    );
    return hits.map(({ entry, score, match, why }) => ({ entry, score, match, why }));
  };

  return {
    query,
    guess: createGuesser(entries),
    didYouMean(id) {
      const near = findNearestIds(
        entries.map((entry) => entry.id),
        id,
      );
      if (near.length > 0) return near.slice(0, MAX_DID_YOU_MEAN);
      return query(id.replaceAll(/[-_]+/g, ' '))
        .slice(0, MAX_DID_YOU_MEAN)
        .map((hit) => hit.entry.id);
    },
  };
}

interface FuzzyHit {
  score: number;
  fields: SearchField[];
}

function scoreFuzzy(fuse: Fuse<FuseDocument>, query: string): Map<number, FuzzyHit> {
  const hits = new Map<number, FuzzyHit>();
  const fieldsOf = new Map<number, Set<SearchField>>();
  const note = (result: FuseResult<FuseDocument>) => {
    const fields = fieldsOf.get(result.refIndex) ?? new Set<SearchField>();
    for (const match of result.matches ?? []) fields.add(match.key as SearchField);
    fieldsOf.set(result.refIndex, fields);
  };
  const scores = new Map<number, number>();
  for (const result of fuse.search(query)) {
    scores.set(result.refIndex, result.score ?? 1);
    note(result);
  }
  const words = query.split(/\s+/).filter((word) => word.length >= MIN_WORD_LENGTH);
  if (words.length >= 2) {
    const perWord = new Map<number, number[]>();
    words.forEach((word, position) => {
      for (const result of fuse.search(word)) {
        const best = perWord.get(result.refIndex) ?? new Array<number>(words.length).fill(1);
        best[position] = Math.min(best[position]!, result.score ?? 1);
        perWord.set(result.refIndex, best);
        note(result);
      }
    });
    for (const [index, best] of perWord) {
      const mean = best.reduce((sum, score) => sum + score, 0) / best.length;
      scores.set(index, Math.min(scores.get(index) ?? 1, mean));
    }
  }
  for (const [index, score] of scores) {
    hits.set(index, { score, fields: [...(fieldsOf.get(index) ?? [])] });
  }
  return hits;
}

/** At most this many words say why a hit matched (a pasted line has many). */
const MAX_WHY_TERMS = 12;

/** The query's words that the matched parts contain, in the query's order. */
function wordsFoundIn(
  query: string,
  texts: EntryTexts,
  fields: ReadonlySet<SearchField>,
): string[] {
  const haystack = SEARCH_FIELDS.filter((field) => fields.has(field))
    .flatMap((field) => texts[field])
    .join('\n')
    .toLowerCase();
  const words = new Set(
    (query.toLowerCase().match(/[\p{L}\p{N}_]+(?:[./-][\p{L}\p{N}_]+)*/gu) ?? []).filter(
      (word) => word.length >= 2,
    ),
  );
  return [...words].filter((word) => haystack.includes(word)).slice(0, MAX_WHY_TERMS);
}
