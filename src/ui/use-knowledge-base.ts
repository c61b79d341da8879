// Everything the app derives from the rule set once: the entries left after --ignore, the keyword
// search and browse filter, the compiled matcher for pastes, and the suggestion search for
// unrecognised lines (built on first use, like pipe mode does). The matcher keeps the ignored
// entries, as pipe mode's does: the diagnosis session drops their lines, which are then
// recognised and never a "not recognised" guess.
import { useMemo } from 'react';
import type { SuggestionCandidate } from '../diagnose/types.js';
import type { CompiledEntry } from '../kb/types.js';
import { compileMatcher, type Matcher } from '../match/stream-matcher.js';
import { createKbSearch } from '../search/create-kb-search.js';
import { createEntrySearch, type EntrySearch } from '../search/search-entries.js';
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
): KnowledgeBase {
  return useMemo(() => {
    const entries = all.filter((entry) => !ignore.includes(entry.id));
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
    const search = createKbSearch(entries);
    let suggestions: EntrySearch | undefined;
    return {
      entries,
      byId,
      filter: (query) => (query.trim() === '' ? sorted : search(query).map((hit) => hit.entry)),
      matcher: compileMatcher(all),
      suggest(text) {
        suggestions ??= createEntrySearch(entries);
        return suggestions.nearest(text);
      },
      describe: (text) =>
        search(text)
          .slice(0, MAX_DESCRIBED)
          .map(({ entry, score }) => ({ id: entry.id, title: entry.title, score })),
    };
  }, [all, ignore]);
}
