// What a fix command means once filled: the KB template's own words, with each placeholder
// replaced by its captured value when the value passes its capture pattern, kept as written
// otherwise. The tests compare the shell words of the filled command with this.
import { parseShellWords } from './shell-words.js';

export const PLACEHOLDER = /\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g;

export function fullyMatches(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

export function intendedArgv(
  template: string,
  captures: Readonly<Record<string, string>>,
  patterns: Readonly<Record<string, string>>,
): string[] {
  return parseShellWords(template).map((word) =>
    word.replace(PLACEHOLDER, (placeholder, name: string) => {
      const value = Object.hasOwn(captures, name) ? captures[name] : undefined;
      const pattern = Object.hasOwn(patterns, name) ? patterns[name] : undefined;
      return value !== undefined && pattern !== undefined && fullyMatches(pattern, value)
        ? value
        : placeholder;
    }),
  );
}

/**
 * Expansions KB authors write into fix commands themselves (`"$(whoami)"`), never filled from a
 * log: the quoting tests put a fixed word in their place, so the parser compares the rest.
 */
export function withoutAuthorExpansions(command: string): string {
  return command.replace(
    /"\$\(whoami\)"|"\$\(id -u\)"|"\$\(cat "\$XDG_RUNTIME_DIR\/docker\.pid"\)"/g,
    'AUTHOR',
  );
}
