// Splits a JavaScript regex source into tokens, enough to derive a required literal, translate to
// POSIX ERE and refuse constructs the KB does not allow. It assumes the source already compiled.

export type RegexToken =
  | { kind: 'char'; char: string; raw: string }
  | { kind: 'class'; raw: string }
  | { kind: 'escape-class'; raw: string }
  | { kind: 'any'; raw: '.' }
  | { kind: 'group-open'; raw: string; capture: boolean; name?: string }
  | { kind: 'group-close'; raw: ')' }
  | { kind: 'lookaround'; raw: string }
  | { kind: 'backref'; raw: string }
  | { kind: 'quantifier'; raw: string; min: number }
  | { kind: 'alternation'; raw: '|' }
  | { kind: 'anchor'; raw: string };

const CLASS_ESCAPES = new Set(['d', 'D', 's', 'S', 'w', 'W']);
const ANCHOR_ESCAPES = new Set(['b', 'B']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

export function tokenizeRegex(source: string): RegexToken[] {
  const tokens: RegexToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const raw = source.slice(i, i + 2);
      if (CLASS_ESCAPES.has(next)) tokens.push({ kind: 'escape-class', raw });
      else if (ANCHOR_ESCAPES.has(next)) tokens.push({ kind: 'anchor', raw });
      else if (/[1-9]/.test(next) || next === 'k') tokens.push({ kind: 'backref', raw });
      else if (next === 'x' || next === 'u') {
        const hex = next === 'x' ? source.slice(i + 2, i + 4) : source.slice(i + 2, i + 6);
        tokens.push({ kind: 'char', char: String.fromCharCode(parseInt(hex, 16)), raw: source.slice(i, i + 2 + hex.length) });
        i += hex.length;
      } else tokens.push({ kind: 'char', char: CONTROL_ESCAPES[next] ?? next, raw });
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'class', raw: source.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '(') {
      const head = source.slice(i, i + 4);
      if (head.startsWith('(?=') || head.startsWith('(?!') || head.startsWith('(?<=') || head.startsWith('(?<!')) {
        const raw = head.startsWith('(?<') ? head : head.slice(0, 3);
        tokens.push({ kind: 'lookaround', raw });
        i += raw.length;
      } else if (head.startsWith('(?:')) {
        tokens.push({ kind: 'group-open', raw: '(?:', capture: false });
        i += 3;
      } else if (head.startsWith('(?<')) {
        const end = source.indexOf('>', i);
        tokens.push({ kind: 'group-open', raw: source.slice(i, end + 1), capture: true, name: source.slice(i + 3, end) });
        i = end + 1;
      } else {
        tokens.push({ kind: 'group-open', raw: '(', capture: true });
        i += 1;
      }
    } else if (c === ')') {
      tokens.push({ kind: 'group-close', raw: ')' });
      i += 1;
    } else if (c === '*' || c === '+' || c === '?') {
      const lazy = source[i + 1] === '?' ? '?' : '';
      tokens.push({ kind: 'quantifier', raw: c + lazy, min: c === '+' ? 1 : 0 });
      i += 1 + lazy.length;
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      const raw = /^\{\d+(,\d*)?\}\??/.exec(source.slice(i))?.[0] ?? '{';
      tokens.push({ kind: 'quantifier', raw, min: Number(/\d+/.exec(raw)?.[0] ?? 0) });
      i += raw.length;
    } else if (c === '|') {
      tokens.push({ kind: 'alternation', raw: '|' });
      i += 1;
    } else if (c === '^' || c === '$') {
      tokens.push({ kind: 'anchor', raw: c });
      i += 1;
    } else if (c === '.') {
      tokens.push({ kind: 'any', raw: '.' });
      i += 1;
    } else {
      tokens.push({ kind: 'char', char: c, raw: c });
      i += 1;
    }
  }
  return tokens;
}
