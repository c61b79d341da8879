// Translates a KB signature (JavaScript regex, in the subset the KB allows) to POSIX ERE, so the
// benchmark can run `grep -E -f` over exactly the same patterns as pipe mode.
import { tokenizeRegex } from './tokenize-regex.js';

const ERE_SPECIAL = new Set(['.', '[', ']', '(', ')', '*', '+', '?', '{', '}', '|', '^', '$', '\\']);
const CLASS_ESCAPE_ERE: Record<string, string> = {
  '\\d': '[0-9]',
  '\\D': '[^0-9]',
  '\\s': '[[:space:]]',
  '\\S': '[^[:space:]]',
  '\\w': '[[:alnum:]_]',
  '\\W': '[^[:alnum:]_]',
};
const CLASS_MEMBER_ERE: Record<string, string> = { d: '0-9', s: '[:space:]', w: '[:alnum:]_' };

export function toEre(source: string): string {
  return tokenizeRegex(source)
    .map((token) => {
      switch (token.kind) {
        case 'char':
          return ERE_SPECIAL.has(token.char) ? `\\${token.char}` : token.char;
        case 'escape-class':
          return CLASS_ESCAPE_ERE[token.raw] ?? token.raw;
        case 'class':
          return classToEre(token.raw);
        case 'group-open':
          return '(';
        case 'quantifier':
          // ERE has no lazy quantifiers; laziness does not change whether a line matches
          return token.raw.length > 1 && token.raw.endsWith('?') ? token.raw.slice(0, -1) : token.raw;
        default:
          return token.raw;
      }
    })
    .join('');
}

function classToEre(raw: string): string {
  const negated = raw[1] === '^';
  const body = raw.slice(negated ? 2 : 1, -1);
  let members = '';
  let closeBracket = false;
  let dash = false;
  for (let i = 0; i < body.length; i++) {
    let c = body[i] ?? '';
    if (c === '\\') {
      const next = body[i + 1] ?? '';
      i++;
      if (CLASS_MEMBER_ERE[next]) {
        members += CLASS_MEMBER_ERE[next];
        continue;
      }
      c = next;
    } else if (c === '-' && i > 0 && i < body.length - 1) {
      members += '-';
      continue;
    }
    if (c === ']') closeBracket = true;
    else if (c === '-') dash = true;
    else members += c;
  }
  return `[${negated ? '^' : ''}${closeBracket ? ']' : ''}${members}${dash ? '-' : ''}]`;
}
