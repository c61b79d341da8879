import { describe, expect, it } from 'vitest';
import { deriveLiteral, literalProblem } from '../../src/kb/derive-literal.js';
import { toEre } from '../../src/kb/to-ere.js';
import { checkRegexSafety } from '../../src/kb/check-regex-safety.js';
import { regexProblem } from '../../src/kb/check-regex.js';
import { structuralProblem } from '../../src/kb/check-regex-structure.js';

describe('deriveLiteral', () => {
  it.each([
    ['fork/exec /proc/self/exe: no space left on device', 'fork/exec /proc/self/exe: no space left on device'],
    ['No subuid ranges found for user (?<uid>\\d+) \\("(?<user>[a-z]+)"\\)', 'No subuid ranges found for user '],
    ['cannot expose privileged port (?<port>\\d+), you', 'cannot expose privileged port '],
    ['[Oo]peration not permitted', 'peration not permitted'],
    ['newuidmap: write to uid_map failed: Operation not permitted', 'newuidmap: write to uid_map failed: Operation not permitted'],
    ['msg="(?<m>[^"]+)" failed hard', ' failed hard'],
    ['colou?r is wrong', 'r is wrong'],
    ['a+bcd', 'abcd'],
  ])('%s → %j', (source, literal) => {
    expect(deriveLiteral(source).literal).toBe(literal);
  });

  it('finds none across a top-level alternation or in short runs', () => {
    expect(deriveLiteral('operation not permitted|permission denied').literal).toBeUndefined();
    expect(deriveLiteral('ab\\d+cd').literal).toBeUndefined();
  });

  it('counts plain characters as specificity', () => {
    expect(deriveLiteral('port (?<port>\\d+) in use').specificity).toBe(12);
  });

  it('refuses literals that normalisation can change', () => {
    expect(literalProblem('say "hi"')).toMatch(/normalisation/);
    expect(literalProblem('ok')).toMatch(/shorter/);
    expect(literalProblem('no space left')).toBeUndefined();
  });
});

describe('toEre', () => {
  it.each([
    ['user (?<uid>\\d+) \\("(?<user>[a-z_][a-z0-9_-]*)"\\)', 'user ([0-9]+) \\("([a-z_][a-z0-9_-]*)"\\)'],
    ['lchown (?<path>[^\\s:]+): invalid', 'lchown ([^[:space:]:]+): invalid'],
    ['a\\.b\\/c(?:d|e)?\\s+f*?', 'a\\.b/c(d|e)?[[:space:]]+f*'],
    ['x[^\\]]y', 'x[^]]y'],
    ['\\[rootlesskit:parent\\] error', '\\[rootlesskit:parent\\] error'],
  ])('%s → %s', (source, ere) => {
    expect(toEre(source)).toBe(ere);
  });
});

describe('regex checks', () => {
  it('rejects catastrophic backtracking', () => {
    expect(checkRegexSafety('(a+)+$')).toMatchObject({ safe: false });
    expect(checkRegexSafety('(\\w+\\s?)+$')).toMatchObject({ safe: false });
    expect(checkRegexSafety('fork/exec /proc/self/exe: no space left on device')).toEqual({ safe: true });
  });

  it('screens structure before analysis: nesting, quantified alternation, two .*', () => {
    expect(structuralProblem('(\\w+\\s?)*end')).toMatch(/containing another unbounded/);
    expect(structuralProblem('x(a|ab)+y')).toMatch(/alternatives/);
    expect(structuralProblem('x.*y.*z')).toMatch(/two or more/);
    expect(structuralProblem('x.{0,200}y.*z')).toBeUndefined();
    expect(structuralProblem('(?:foo )?bar (?<n>\\d+)(?: \\((?<m>[a-z]+)\\))?')).toBeUndefined();
  });

  it('rejects look-around and back-references, reports syntax errors', () => {
    expect(regexProblem('a(?=b)')).toMatch(/look-around/);
    expect(regexProblem('(a)\\1')).toMatch(/back-reference/);
    expect(regexProblem('a(b')).toMatch(/Unterminated group/);
    expect(regexProblem('a(?<x>b)')).toBeUndefined();
  });
});
