// Finds the substring every match of a signature must contain, for the prefilter: the longest run
// of plain characters outside groups, alternations and optional quantifiers. `"` and `\` split
// runs because normalisation rewrites them (logrus quoting), so a literal never contains them.
import { tokenizeRegex } from './tokenize-regex.js';

const MIN_LITERAL = 3;

export interface LiteralInfo {
  /** the chosen literal, or undefined when none of at least 3 characters is required */
  literal: string | undefined;
  /** how many plain characters the regex has in all: more is more specific */
  specificity: number;
}

export function deriveLiteral(source: string): LiteralInfo {
  const tokens = tokenizeRegex(source);
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  let alternationAtTop = false;
  const flush = () => {
    runs.push(...run.split(/["\\]/));
    run = '';
  };
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'group-open' || token.kind === 'lookaround') {
      if (depth === 0) flush();
      depth++;
    } else if (token.kind === 'group-close') {
      depth--;
    } else if (depth > 0) {
      continue;
    } else if (token.kind === 'char') {
      const next = tokens[index + 1];
      if (next?.kind === 'quantifier') {
        if (next.min === 0) {
          flush();
          continue;
        }
        // `x+` or `x{2,}`: the last x is followed by what comes next, the first one preceded
        // by what came before, but the run cannot span both
        run += token.char;
        flush();
        run = token.char;
        continue;
      }
      run += token.char;
    } else if (token.kind === 'quantifier' && tokens[index - 1]?.kind === 'char') {
      continue; // already applied to the character before it
    } else if (token.kind === 'alternation') {
      alternationAtTop = true;
    } else {
      flush();
    }
  }
  flush();
  const specificity = tokens.filter((t) => t.kind === 'char').length;
  if (alternationAtTop) return { literal: undefined, specificity };
  const best = runs.reduce((a, b) => (b.trim().length > a.trim().length ? b : a), '');
  return { literal: best.trim().length >= MIN_LITERAL ? best : undefined, specificity };
}

/** Whether an author-given literal is usable: plain, at least 3 characters, no `"` or `\`. */
export function literalProblem(literal: string): string | undefined {
  if (/["\\]/.test(literal)) return 'it contains `"` or `\\`, which normalisation rewrites';
  if (literal.trim().length < MIN_LITERAL) return `it is shorter than ${MIN_LITERAL} characters`;
  if (/[\u0000-\u001f\u007f]/.test(literal)) return 'it contains a control character';
  return undefined;
}
