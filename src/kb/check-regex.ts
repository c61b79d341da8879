// Checks that a signature regex compiles and stays inside the subset the KB allows: no flags, no
// look-around, no back-references. Those keep every signature translatable to ERE and keep
// matching linear enough for untrusted input. Catastrophic backtracking is judged separately
// (check-regex-safety.ts) because that analysis is slow.
import { tokenizeRegex } from './tokenize-regex.js';

export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return `Unexpected regex \`${source}\`: ${reason}`;
  }
  for (const token of tokenizeRegex(source)) {
    if (token.kind === 'lookaround') {
      return `Unexpected look-around \`${token.raw}\` in \`${source}\`, expected plain matching (split into two signatures or use a no-match example)`;
    }
    if (token.kind === 'backref') {
      return `Unexpected back-reference \`${token.raw}\` in \`${source}\`, expected none`;
    }
  }
  return undefined;
}

/** Names of the named groups a regex defines. */
export function captureNames(source: string): string[] {
  return tokenizeRegex(source).flatMap((t) => (t.kind === 'group-open' && t.name ? [t.name] : []));
}
