import { describe, expect, it } from 'vitest';
import { renderStyledLines, span } from '../../src/report/styled-text.js';
import { wrapLines } from '../../src/report/wrap-lines.js';

const text = (lines: ReturnType<typeof wrapLines>) =>
  lines.map((line) => line.map((part) => part.text).join(''));

describe('wrapLines', () => {
  it('leaves every line whole without a width (not a terminal)', () => {
    const line = [span(`  fix: ${'word '.repeat(40).trim()}`)];
    expect(text(wrapLines([line], undefined))).toEqual([line[0]!.text]);
  });

  it('wraps at spaces with a hanging indent two past the line own indentation', () => {
    expect(text(wrapLines([[span('  fix: allow the user to use privileged ports')]], 20))).toEqual([
      '  fix: allow the',
      '    user to use',
      '    privileged ports',
    ]);
  });

  it('takes a hanging indent given by the caller (check aligns under its evidence column)', () => {
    const line = { spans: [span('✗ label  evidence that is long')], hang: 9 };
    expect(text(wrapLines([line], 21))).toEqual(['✗ label  evidence', '         that is long']);
  });

  it('never breaks a word, unless it is longer than the line', () => {
    expect(text(wrapLines([[span('ab privileged cd')]], 12))).toEqual([
      'ab',
      '  privileged',
      '  cd',
    ]);
    expect(text(wrapLines([[span('x /a/very/long/path/name')]], 10))).toEqual([
      'x',
      '  /a/very/',
      '  long/pat',
      '  h/name',
    ]);
  });

  it('keeps a word spread over several styled spans together, and the spans their roles', () => {
    const wrapped = wrapLines(
      [[span('see '), span('(', 'plain'), span('show', 'code'), span(') now')]],
      8,
    );
    expect(text(wrapped)).toEqual(['see', '  (show)', '  now']);
    expect(wrapped[1]).toEqual([span('  ('), span('show', 'code'), span(')')]);
  });

  it('counts width on the text, not on the colour codes added later', () => {
    const line = [span('✗', 'verdict-confirmed'), span(' '), span('title words here', 'title')];
    const lines = wrapLines([line], 12);
    expect(text(lines)).toEqual(['✗ title', '  words here']);
    const coloured = renderStyledLines(lines, true).split('\n');
    expect(coloured[0]).toBe('\x1b[1;31m✗\x1b[0m \x1b[1mtitle\x1b[0m');
    for (const shown of coloured) {
      expect(shown.replaceAll(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(12);
    }
  });

  it('leaves a line marked whole (a command, a link) as it is', () => {
    const command = { spans: [span('    $ sudo sysctl -w kernel.x=1', 'command')], whole: true };
    expect(text(wrapLines([command], 10))).toEqual(['    $ sudo sysctl -w kernel.x=1']);
  });
});
