// "did you mean `check`?": the command word nearest to a mistyped one, by edit distance (at most 2
// edits, and fewer than half the word), or undefined when nothing is that close. Command words are
// the CLI's own vocabulary, not the knowledge base, so this is not a KB search; it shares only
// the edit distance with the KB's "did you mean" for entry ids.
import { editDistance } from '../search/edit-distance.js';

export function nearestCommand(word: string, commands: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const command of commands) {
    const distance = editDistance(word.toLowerCase(), command, 3);
    if (distance < bestDistance) {
      best = command;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.min(2, Math.floor(word.length / 2)) ? best : undefined;
}

/**
 * A first word that is neither a command nor an existing file but looks like a mistyped command
 * (`chek`): the usage error that says which command was meant, or undefined.
 */
export function mistypedCommand(
  word: string,
  commands: Iterable<string>,
  exists: (file: string) => boolean,
): string | undefined {
  if (word === '-' || !/^[a-z-]+$/.test(word) || exists(word)) return undefined;
  const meant = nearestCommand(word, commands);
  return meant === undefined
    ? undefined
    : `unknown command \`${word}\`; did you mean \`${meant}\`?`;
}
