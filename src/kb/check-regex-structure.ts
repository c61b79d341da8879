// A fast structural screen for catastrophic backtracking, run on every signature before the
// (slow, sometimes inconclusive) recheck analysis. It refuses the shapes behind exponential and
// high-degree polynomial blow-ups: a quantified group that itself contains an unbounded
// quantifier (`(a+)+`, `(\w+\s?)*`), a quantified group with alternatives (`(a|ab)+`), and two
// or more unbounded quantifiers over `.` (`x.*y.*z`).
import { tokenizeRegex, type RegexToken } from './tokenize-regex.js';

export function structuralProblem(source: string): string | undefined {
  const tokens = tokenizeRegex(source);
  const stack: { start: number; unbounded: boolean; alternation: boolean }[] = [];
  let dotStars = 0;
  for (const [index, token] of tokens.entries()) {
    const next = tokens[index + 1];
    if (token.kind === 'group-open' || token.kind === 'lookaround') {
      stack.push({ start: index, unbounded: false, alternation: false });
    } else if (token.kind === 'alternation') {
      const top = stack.at(-1);
      if (top) top.alternation = true;
    } else if (token.kind === 'group-close') {
      const group = stack.pop();
      if (group && next?.kind === 'quantifier' && isUnbounded(next)) {
        if (group.unbounded) return `a quantified group containing another unbounded quantifier (\`${source.slice(0, 60)}\`)`;
        if (group.alternation) return `a quantified group with alternatives (\`${source.slice(0, 60)}\`)`;
      }
      const parent = stack.at(-1);
      if (parent && (group?.unbounded || (next?.kind === 'quantifier' && isUnbounded(next)))) parent.unbounded = true;
    } else if (token.kind === 'quantifier' && isUnbounded(token)) {
      const top = stack.at(-1);
      if (top) top.unbounded = true;
      if (tokens[index - 1]?.kind === 'any') dotStars += 1;
    }
  }
  if (dotStars >= 2) return `two or more unbounded \`.*\`/\`.+\` (\`${source.slice(0, 60)}\`); bound one as \`.{0,200}\``;
  return undefined;
}

function isUnbounded(token: RegexToken): boolean {
  return token.kind === 'quantifier' && (/^[*+]/.test(token.raw) || /,\}/.test(token.raw));
}
