// Adversarial lines for one signature, derived from its regex source: long runs of the characters
// its quantifiers accept, after the text that leads the regex to them, with a tail that fails.
// These are the inputs that make a backtracking regex slow: one long run (linear regexes stay
// fast), a near-match repeated (every repeat is a new start: quadratic when a run reaches the end
// of the line), and the same with the signature's literal in front, so the prefilter passes the
// line on to the regex.
import { tokenizeRegex, type RegexToken } from '../../src/kb/tokenize-regex.js';

export const ADVERSARIAL_LENGTH = 100_000;

export interface AdversarialLine {
  /** what the line is made of, for test names and the report */
  name: string;
  line: string;
}

/** Characters tried, in order, as "a character this atom accepts" and "one it rejects". */
const CANDIDATES = ['a', 'Z', '0', '/', ' ', '.', '-', '_', ':', '"', "'", ',', '=', '(', ')'];
const MORE_CANDIDATES = ['[', ']', '{', '}', '\\', '\t', 'é', '☃'];

type Atom = Extract<RegexToken, { kind: 'char' | 'class' | 'escape-class' | 'any' }>;

function isAtom(token: RegexToken | undefined): token is Atom {
  return (
    token?.kind === 'char' ||
    token?.kind === 'class' ||
    token?.kind === 'escape-class' ||
    token?.kind === 'any'
  );
}

function accepts(atom: Atom): (char: string) => boolean {
  const regex = new RegExp(`^(?:${atom.raw})$`);
  return (char) => regex.test(char);
}

/** Every candidate character the atom accepts, most ordinary first. */
function acceptedBy(atom: Atom): string[] {
  if (atom.kind === 'char') return [atom.char];
  return [...CANDIDATES, ...MORE_CANDIDATES].filter(accepts(atom));
}

function rejectedBy(atom: Atom): string {
  const test = accepts(atom);
  return [...CANDIDATES, ...MORE_CANDIDATES].find((char) => !test(char)) ?? '\u2603';
}

/** Quantifiers that let a run grow long: `*`, `+`, `{n,}` and `{n,m}` with m of 16 or more. */
function isLongQuantifier(token: RegexToken | undefined): boolean {
  if (token?.kind !== 'quantifier') return false;
  if (/^[*+]/.test(token.raw)) return true;
  const bound = /^\{\d+,(\d*)\}/.exec(token.raw);
  return bound !== null && (bound[1] === '' || Number(bound[1]) >= 16);
}

/**
 * The shortest text that leads the regex through tokens [0, end): each atom as one accepted
 * character (as often as its quantifier's minimum asks), the first alternative of each group.
 */
function leadingText(tokens: readonly RegexToken[], end: number): string {
  let text = '';
  let depth = 0;
  let skippingAtDepth: number | undefined;
  for (let i = 0; i < end; i++) {
    const token = tokens[i]!;
    if (token.kind === 'group-open') {
      depth++;
    } else if (token.kind === 'group-close') {
      if (skippingAtDepth === depth) skippingAtDepth = undefined;
      depth--;
    } else if (skippingAtDepth !== undefined) {
      continue;
    } else if (token.kind === 'alternation') {
      if (depth === 0) break;
      skippingAtDepth = depth;
    } else if (isAtom(token)) {
      const next = tokens[i + 1];
      const times = next?.kind === 'quantifier' ? Math.max(1, next.min) : 1;
      text += (acceptedBy(token)[0] ?? '').repeat(times);
    }
  }
  return text;
}

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export function adversarialLines(regex: string, literal: string): AdversarialLine[] {
  const tokens = tokenizeRegex(regex);
  const lines = new Map<string, string>();
  const add = (name: string, line: string) => {
    if (![...lines.values()].includes(line)) lines.set(name, line);
  };
  const n = ADVERSARIAL_LENGTH;
  tokens.forEach((token, index) => {
    if (!isAtom(token) || !isLongQuantifier(tokens[index + 1])) return;
    const lead = leadingText(tokens, index);
    const tail = rejectedBy(token);
    // a space, a quote or a slash ends many runs; try the ordinary letter and one of those
    for (const char of acceptedBy(token).slice(0, 2)) {
      const shown = JSON.stringify(char);
      add(`${shown} run after \`${lead}\``, fill(lead + char.repeat(n), n - 1) + tail);
      add(`\`${lead}\` + ${shown}×4, repeated`, fill(lead + char.repeat(4), n));
      add(`literal, then ${shown} run`, fill(`${literal} ${char.repeat(n)}`, n - 1) + tail);
      add(
        `literal, then \`${lead}\` + ${shown}×4 repeated`,
        fill(`${literal} ${fill(lead + char.repeat(4), n)}`, n),
      );
    }
  });
  const whole = leadingText(tokens, tokens.length);
  add('the whole near-match repeated', fill(whole.slice(0, -1) + ' ', n));
  add('the literal repeated', fill(literal, n));
  return [...lines].map(([name, line]) => ({ name, line }));
}
