// Everything the app derives from the rule set once: the entries left after --ignore, the one KB
// search (the browse filter, guesses for unrecognised lines, prose descriptions; each of its
// parts is built on first use), and the compiled matcher for pastes. The matcher keeps the ignored
// entries, as pipe mode's does: the diagnosis session drops their lines, which are then
// recognised and never a "not recognised" guess.
import { useMemo } from 'react';
import type { SuggestionCandidate } from '../search/types.js';
import type { CompiledEntry, PrecomputedPrefilter } from '../kb/types.js';
import { compileMatcher, type Matcher } from '../match/stream-matcher.js';
import { createKbSearch } from '../search/create-kb-search.js';
import type { BrowseFilter } from './use-browse-state.js';

export interface KnowledgeBase {
  entries: readonly CompiledEntry[];
  byId: ReadonlyMap<string, CompiledEntry>;
  filter: BrowseFilter;
  /** every entry, ignored ones too (the session drops what --ignore names) */
  matcher: Matcher;
  suggest(text: string): SuggestionCandidate[];
  /** entries whose symptoms, keywords or title fit a description in words */
  describe(text: string): SuggestionCandidate[];
}

const MAX_DESCRIBED = 3;

export function useKnowledgeBase(
  all: readonly CompiledEntry[],
  ignore: readonly string[],
  prefilter?: PrecomputedPrefilter,
): KnowledgeBase {
  return useMemo(() => {
    const entries = all.filter((entry) => !ignore.includes(entry.id));
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
    const search = createKbSearch(entries);
    return {
      entries,
      byId,
      filter: (query) =>
        query.trim() === '' ? sorted : search.query(query).map((hit) => hit.entry),
      matcher: compileMatcher(all, prefilter),
      suggest: (text) => search.guess(text),
      describe: (text) =>
        search
          .query(text)
          .slice(0, MAX_DESCRIBED)
          .map(({ entry, score }) => ({ id: entry.id, title: entry.title, score })),
    };
  }, [all, ignore, prefilter]);
}
