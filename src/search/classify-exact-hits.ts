// The part of the search that is not fuzzy: a query that is a whole error line some signature
// matches names its entry outright, and a query found verbatim among an entry's error
// fragments, keywords, probed names, title, tags or id beats any fuzzy score. Among verbatim
// hits, the entry that names the query more often is more about it (`subuid`: the entry whose
// keywords say `/etc/subuid`, `No subuid ranges found` and `usermod --add-subuids` comes before
// the one that mentions it once). Signature matching reuses the matcher's regexes and normaliser.
import { compileSignatures, matchSignature } from '../match/match-line.js';
import { normalizeLine } from '../match/normalize-line.js';
import type { SearchDocument } from './search-documents.js';

export type ExactMatch = 'signature' | 'exact';

export interface ExactHit {
  match: ExactMatch;
  /** how many of the entry's texts contain the query */
  mentions: number;
}

/** Shorter queries (`io`, `a`) are substrings of too much to mean anything verbatim. */
const MIN_EXACT_LENGTH = 3;

export function createExactClassifier(
  documents: readonly SearchDocument[],
): (query: string) => Map<string, ExactHit> {
  const table = compileSignatures(documents.map((document) => document.entry));
  const haystacks = documents.map((document) => ({
    id: document.entry.id,
    texts: [
      ...document.literals,
      ...document.keywords,
      ...document.symptoms,
      ...document.targets,
      ...document.tags,
      document.title,
      document.entry.id,
    ].map((text) => text.toLowerCase()),
  }));

  return (query) => {
    const found = new Map<string, ExactHit>();
    const needle = query.trim().toLowerCase();
    const countMentions = (texts: readonly string[]) =>
      needle.length < MIN_EXACT_LENGTH ? 0 : texts.filter((text) => text.includes(needle)).length;

    const line = normalizeLine(query);
    for (let signature = 0; signature < table.regexes.length; signature++) {
      const match = matchSignature(table, signature, line);
      if (match)
        found.set(table.entries[match.entryIndex]!.id, { match: 'signature', mentions: 0 });
    }
    for (const { id, texts } of haystacks) {
      const mentions = countMentions(texts);
      const signature = found.get(id);
      if (signature) signature.mentions = mentions;
      else if (mentions > 0) found.set(id, { match: 'exact', mentions });
    }
    return found;
  };
}
