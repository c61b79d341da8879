// The part of the search that is not fuzzy: a query that is a whole error line some signature
// matches names its entry outright, and a query found verbatim among an entry's error
// fragments, keywords, probed names or title (or equal to a tag or the id) beats any fuzzy score.
// Signature matching reuses the matcher's own compiled regexes and normaliser.
import { compileSignatures, matchSignature } from '../match/match-line.js';
import { normalizeLine } from '../match/normalize-line.js';
import type { SearchDocument } from './search-documents.js';

export type ExactMatch = 'signature' | 'exact';

/** Shorter queries (`io`, `a`) are substrings of too much to mean anything verbatim. */
const MIN_EXACT_LENGTH = 3;

export function createExactClassifier(
  documents: readonly SearchDocument[],
): (query: string) => Map<string, ExactMatch> {
  const table = compileSignatures(documents.map((document) => document.entry));
  const haystacks = documents.map((document) => ({
    id: document.entry.id,
    texts: [...document.literals, ...document.keywords, ...document.targets, document.title].map(
      (text) => text.toLowerCase(),
    ),
    names: [document.entry.id, ...document.tags].map((name) => name.toLowerCase()),
  }));

  return (query) => {
    const found = new Map<string, ExactMatch>();
    const line = normalizeLine(query);
    for (let signature = 0; signature < table.regexes.length; signature++) {
      const match = matchSignature(table, signature, line);
      if (match) found.set(table.entries[match.entryIndex]!.id, 'signature');
    }
    const needle = query.trim().toLowerCase();
    if (needle.length < MIN_EXACT_LENGTH) return found;
    for (const { id, texts, names } of haystacks) {
      if (found.has(id)) continue;
      if (names.includes(needle) || texts.some((text) => text.includes(needle))) {
        found.set(id, 'exact');
      }
    }
    return found;
  };
}
