// `show` with an id that does not exist: the ids the user probably meant, closest first. An id is
// near when it is a typo of the whole (`max-user-namespace-too-low`), starts with what was typed
// (`max-user-namespaces`), or shares its words (`dbus-missing` → `dbus-user-session-missing`).
// Plain fuzzy scoring over ids ranks `newuidmap-missing` above that last one, hence this. Part of
// the one KB search: callers ask createKbSearch(...).didYouMean.
import { editDistance } from './edit-distance.js';

export const MAX_NEAREST_IDS = 3;

/** No id is longer; comparing more of a pasted argument would only cost time. */
const MAX_TYPED_LENGTH = 200;

/** Below this similarity an id is not worth suggesting (`foo` is near nothing). */
const MIN_SIMILARITY = 0.6;

export function findNearestIds(ids: readonly string[], wanted: string): string[] {
  const typed = wanted
    .slice(0, MAX_TYPED_LENGTH)
    .trim()
    .toLowerCase()
    .replaceAll(/[\s_]+/g, '-');
  if (typed === '') return [];
  return ids
    .map((id) => ({ id, similarity: similarity(typed, id) }))
    .filter((candidate) => candidate.similarity >= MIN_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity || a.id.length - b.id.length)
    .slice(0, MAX_NEAREST_IDS)
    .map((candidate) => candidate.id);
}

function similarity(typed: string, id: string): number {
  const whole = 1 - editDistance(typed, id) / Math.max(typed.length, id.length);
  const prefix = typed.length >= 4 && id.startsWith(typed) ? 0.9 : 0;
  return Math.max(whole, prefix, sharedWords(typed, id));
}

/** The share of typed words that appear in the id, each allowing one typo; at most 0.85. */
function sharedWords(typed: string, id: string): number {
  const words = typed.split('-').filter(Boolean);
  const idWords = id.split('-');
  const found = words.filter((word) => idWords.some((idWord) => isSameWord(word, idWord)));
  return (found.length / words.length) * 0.85;
}

function isSameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed.length >= 4 && word.startsWith(typed)) return true;
  return typed.length >= 5 && editDistance(typed, word) <= 1;
}
