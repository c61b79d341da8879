import { describe, expect, it } from 'vitest';
import { renderStyledLines, span, wrapSpans } from '../../src/report/styled-text.js';

function wrapped(text: string, width: number, firstIndent?: string, indent?: string): string[] {
  return wrapSpans([span(text)], { width, firstIndent, indent }).map((line) =>
    line.map((part) => part.text).join(''),
  );
}

describe('wrapSpans', () => {
  it('breaks at spaces and drops the space at a break', () => {
    expect(wrapped('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });

  it('applies a first-line indent and a hanging indent', () => {
    expect(wrapped('alpha beta gamma', 10, '- ', '  ')).toEqual(['- alpha', '  beta', '  gamma']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapped('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
  });

  it('keeps leading spaces of the text but not those after a break', () => {
    expect(wrapped('  code   here', 8)).toEqual(['  code', 'here']);
  });

  it('gives an empty text one empty line', () => {
    expect(wrapSpans([], { width: 10 })).toEqual([[]]);
  });

  it('merges neighbouring pieces of the same role', () => {
    expect(wrapSpans([span('a '), span('b'), span('c', 'code')], { width: 10 })).toEqual([
      [
        { text: 'a b', role: 'plain' },
        { text: 'c', role: 'code' },
      ],
    ]);
  });
});

describe('renderStyledLines', () => {
  const lines = [[span('Title', 'title'), span(' id', 'id')], [span('plain  ')]];

  it('writes plain text without colour, trailing spaces trimmed', () => {
    expect(renderStyledLines(lines, false)).toBe('Title id\nplain');
  });

  it('writes SGR codes per role with colour', () => {
    expect(renderStyledLines(lines, true)).toBe('\x1b[1mTitle\x1b[0m\x1b[36m id\x1b[0m\nplain');
  });
});
