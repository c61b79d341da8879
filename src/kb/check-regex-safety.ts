// Judges each signature for catastrophic backtracking with recheck, at build/lint time only (the
// analysis takes milliseconds to seconds per regex; it never runs in pipe mode). Exponential
// blow-up, or polynomial of degree 3 or more, is refused. Quadratic is accepted because the
// matcher runs a signature only on lines holding its literal and on at most MAX_REGEX_INPUT
// characters of a line, which bounds the worst case to a few milliseconds.
import { checkSync } from 'recheck';

export type Safety = { safe: true } | { safe: false; reason: string };

const cache = new Map<string, Safety>();

export function checkRegexSafety(source: string): Safety {
  const known = cache.get(source);
  if (known) return known;
  const result = judge(source);
  cache.set(source, result);
  return result;
}

function judge(source: string): Safety {
  const diagnostics = checkSync(source, '', { timeout: 2000 });
  if (diagnostics.status !== 'vulnerable') return { safe: true };
  const complexity = diagnostics.complexity;
  if (complexity.type === 'polynomial' && complexity.degree < 3) return { safe: true };
  const attack = diagnostics.attack?.pattern ?? diagnostics.attack?.string ?? '';
  const kind = complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${complexity.degree})`;
  return {
    safe: false,
    reason: `Unexpected ${kind} backtracking in \`${source}\`${attack ? ` (attack: ${attack.slice(0, 60)})` : ''}, expected a regex without nested or overlapping quantifiers`,
  };
}
