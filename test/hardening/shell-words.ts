// A small POSIX shell-word parser for the tests: what a user's shell makes of a fix command they
// copy. It understands single quotes, double quotes and backslashes, and refuses everything that
// would make the words differ from the text (command substitution, parameter expansion, globs,
// a leading `~` or `#`) or run more than one command (unquoted `;` `|` `&` `<` `>` `(` `)` or a
// newline). A refusal is a ShellSyntaxError, which the tests treat as a failure.
// It never runs anything.

export class ShellSyntaxError extends Error {
  override name = 'ShellSyntaxError';
}

const OPERATORS = new Set([';', '|', '&', '<', '>', '(', ')', '\n']);
const GLOBS = new Set(['*', '?', '[']);
/** Inside double quotes a backslash escapes only these (POSIX 2.2.3). */
const DOUBLE_QUOTE_ESCAPES = new Set(['$', '`', '"', '\\', '\n']);

/** The words of one simple command. */
export function parseShellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const refuse = (what: string, at: number): never => {
    throw new ShellSyntaxError(`${what} at ${at} in ${JSON.stringify(command)}`);
  };
  const refuseExpansion = (at: number): void => {
    const next = command[at + 1] ?? '';
    // `$(`, `${`, `$name`, `$1`, `$?`…, and bash's `$'…'` and `$"…"`
    if (/[({A-Za-z0-9_@*#?$!'"-]/.test(next)) refuse('`$` expansion', at);
  };
  let i = 0;
  while (i < command.length) {
    const c = command[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (!inWord && (c === '#' || c === '~')) refuse(`unquoted \`${c}\` at the start of a word`, i);
    inWord = true;
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) refuse('unterminated single quote', i);
      word += command.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= command.length) refuse('unterminated double quote', i);
        const d = command[i]!;
        if (d === '"') break;
        if (d === '`') refuse('backtick', i);
        if (d === '$') refuseExpansion(i);
        if (d === '\\' && DOUBLE_QUOTE_ESCAPES.has(command[i + 1] ?? '')) {
          if (command[i + 1] !== '\n') word += command[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 >= command.length) refuse('trailing backslash', i);
      if (command[i + 1] !== '\n') word += command[i + 1];
      i += 2;
    } else if (c === '`') {
      refuse('backtick', i);
    } else if (c === '$') {
      refuseExpansion(i);
      word += c;
      i++;
    } else if (OPERATORS.has(c)) {
      refuse(`unquoted ${JSON.stringify(c)}`, i);
    } else if (GLOBS.has(c)) {
      refuse(`unquoted glob \`${c}\``, i);
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/**
 * Splits a trusted command line (a KB template, never a filled command) into its simple commands
 * at the unquoted `|`, `||`, `&&` and `;` between them. The tests then fill and parse each part.
 */
export function splitCommandLine(template: string): { commands: string[]; operators: string[] } {
  const commands: string[] = [];
  const operators: string[] = [];
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === ';' || c === '|' || c === '&') {
      const operator = /^(\|\||&&|\||;)/.exec(template.slice(i))?.[0];
      if (operator === undefined) throw new ShellSyntaxError(`lone \`&\` in ${template}`);
      commands.push(template.slice(start, i).trim());
      operators.push(operator);
      i += operator.length - 1;
      start = i + 1;
    }
  }
  commands.push(template.slice(start).trim());
  return { commands, operators };
}
