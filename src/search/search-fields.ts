// What the one KB search (create-kb-search.ts) reads of each entry, and how much each part counts.
// Guesses for unmatched lines, `search`, the TUI's browse filter and "did you mean" all rank with
// this one table, so that an entry found one way is found for the same reasons the other ways.
import type { CompiledEntry, ProbeSpec } from '../kb/types.js';

/**
 * The parts of an entry, named as `search --json` reports why a hit matched: `signature` (an
 * error fragment a signature requires), `example` (a real line of the cause), `keyword`,
 * `symptom` (the failure in people's words), `target` (what a probe reads: a sysctl, a binary, a
 * variable), `title`, `tag`, `summary`, `id`.
 */
export type SearchField =
  'signature' | 'example' | 'keyword' | 'symptom' | 'target' | 'title' | 'tag' | 'summary' | 'id';

/**
 * How much a word found in each part says about the entry. A real error fragment, a keyword and
 * a probed name say most; a real line of the cause also carries words around the error; the
 * title and summary are our own words.
 */
export const FIELD_WEIGHTS: Readonly<Record<SearchField, number>> = {
  signature: 2,
  keyword: 2,
  target: 2,
  symptom: 1.5,
  example: 1,
  id: 1,
  title: 0.75,
  tag: 0.75,
  summary: 0.5,
};

export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[];

/**
 * The parts written in the words of logs or of people describing a failure. A guess compares an
 * error line only with these: probed names, tags, ids and the summary are our own vocabulary, and
 * words a log line shares with them (`user`, `daemon-start`) are coincidences.
 */
export const GUESS_FIELDS = ['signature', 'keyword', 'symptom', 'example', 'title'] as const;

export type GuessField = (typeof GUESS_FIELDS)[number];

export type EntryTexts = Readonly<Record<SearchField, readonly string[]>>;
export type GuessTexts = Readonly<Record<GuessField, readonly string[]>>;

/** The parts a guess reads; light, so that pipe mode's first guess costs little. */
export function guessTexts(entry: CompiledEntry): GuessTexts {
  return {
    signature: entry.signatures.map((signature) => signature.literal),
    keyword: entry.keywords,
    symptom: entry.symptoms,
    example: entry.examples.match.map((example) => example.text),
    title: [entry.title],
  };
}

/**
 * Every part of an entry. `probeTarget` names what a probe reads (probe-kinds.ts); it is passed in
 * so that this module does not load every probe kind where only guesses are made.
 */
export function entryTexts(
  entry: CompiledEntry,
  probeTarget: (probe: ProbeSpec) => string,
): EntryTexts {
  return {
    ...guessTexts(entry),
    target: entry.probes.map(probeTarget).filter((target) => target !== ''),
    tag: entry.tags,
    summary: [entry.summary],
    id: [entry.id],
  };
}
