// The part of the search that is not fuzzy: a query that is a whole error line some signature
// matches names its entry outright, and a query found verbatim in an entry's parts (error
// fragments, keywords, symptoms, probed names, tags, title, id) beats any fuzzy score. Among
// verbatim hits, the entry that names the query more often is more about it (`subuid`: the entry
// whose keywords say `/etc/subuid`, `No subuid ranges found` and `usermod --add-subuids` comes
// before the one that mentions it once). Signature matching reuses the matcher's regexes and
// normaliser. Real lines (examples) and the summary are prose around the error: a word in them
// is left to the ranked part of the search.
import type { CompiledEntry } from '../kb/types.js';
import { compileSignatures, matchSignature } from '../match/match-line.js';
import { normalizeLine } from '../match/normalize-line.js';
import type { EntryTexts, SearchField } from './search-fields.js';

export type ExactMatch = 'signature' | 'exact';

export interface ExactHit {
  match: ExactMatch;
  /** how many of the entry's texts contain the query */
  mentions: number;
  /** the parts that contain the query verbatim (`signature` also when a signature matched it) */
  fields: SearchField[];
}

/** Shorter queries (`io`, `a`) are substrings of too much to mean anything verbatim. */
const MIN_EXACT_LENGTH = 3;

/** A query longer than this is a pasted line, not a fragment: only signatures judge it. */
const MAX_EXACT_LENGTH = 4096;

const VERBATIM_FIELDS: readonly SearchField[] = [
  'signature',
  'keyword',
  'symptom',
  'target',
  'tag',
  'title',
  'id',
];

export function createExactClassifier(
  entries: readonly CompiledEntry[],
  documents: readonly EntryTexts[],
): (query: string) => Map<string, ExactHit> {
  const table = compileSignatures(entries);
  const haystacks = documents.map((texts, index) => ({
    id: entries[index]!.id,
    fields: VERBATIM_FIELDS.map((field) => ({
      field,
      texts: texts[field].map((text) => text.toLowerCase()),
    })),
  }));

  return (query) => {
    const found = new Map<string, ExactHit>();
    const needle = query.trim().toLowerCase();
    const line = normalizeLine(query.slice(0, MAX_EXACT_LENGTH));
    for (let signature = 0; signature < table.regexes.length; signature++) {
      const match = matchSignature(table, signature, line);
      if (match) {
        const id = table.entries[match.entryIndex]!.id;
        found.set(id, { match: 'signature', mentions: 0, fields: ['signature'] });
      }
    }
    if (needle.length < MIN_EXACT_LENGTH || needle.length > MAX_EXACT_LENGTH) return found;
    for (const { id, fields } of haystacks) {
      let mentions = 0;
      const where: SearchField[] = [];
      for (const { field, texts } of fields) {
        const count = texts.filter((text) => text.includes(needle)).length;
        if (count > 0) where.push(field);
        mentions += count;
      }
      const hit = found.get(id);
      if (hit) {
        hit.mentions = mentions;
        hit.fields = [...new Set([...hit.fields, ...where])];
      } else if (mentions > 0) found.set(id, { match: 'exact', mentions, fields: where });
    }
    return found;
  };
}
