import { describe, expect, it } from 'vitest';
import { parseInline, renderMarkdown } from '../../src/report/render-markdown.js';
import { renderStyledLines } from '../../src/report/styled-text.js';

function plain(
  markdown: string,
  width = 40,
  extra: { quoteCode?: boolean; wrapCode?: boolean } = {},
) {
  return renderStyledLines(renderMarkdown(markdown, { width, indent: '  ', ...extra }), false);
}

describe('renderMarkdown', () => {
  it('wraps paragraphs and drops the inline markup', () => {
    const markdown =
      'First paragraph with `inline code`, **bold**, *emphasis*, snake_case_word and a\n[link](https://example.com) plus <https://auto.example>.\n\nSecond.';
    expect(plain(markdown)).toBe(
      [
        '  First paragraph with inline code,',
        '  bold, emphasis, snake_case_word and a',
        '  link (https://example.com) plus',
        '  https://auto.example.',
        '',
        '  Second.',
      ].join('\n'),
    );
  });

  it('keeps the backticks of inline code when asked (output without colour)', () => {
    expect(plain('Run `sudo sysctl --system` now.', 40, { quoteCode: true })).toBe(
      '  Run `sudo sysctl --system` now.',
    );
  });

  it('never breaks a word between a bracket and the code span that follows it', () => {
    expect(plain('The settings API (`settings.kernel.sysctl`), and more', 30)).toBe(
      ['  The settings API', '  (settings.kernel.sysctl),', '  and more'].join('\n'),
    );
  });

  it('renders lists with hanging indents, continuation lines and nesting', () => {
    const markdown =
      '- item one that is long enough to wrap around\n- item two\n  continued here\n  - nested item\n\nAfter.\n\n1. first\n2. second';
    expect(plain(markdown, 30)).toBe(
      [
        '  - item one that is long',
        '    enough to wrap around',
        '  - item two continued here',
        '    - nested item',
        '',
        '  After.',
        '',
        '  1. first',
        '  2. second',
      ].join('\n'),
    );
  });

  it('indents fenced code and wraps it only when allowed', () => {
    const markdown = 'Run:\n\n```sh\nsudo sysctl --system   # a comment that is long\n```';
    expect(plain(markdown, 30)).toBe(
      ['  Run:', '', '    sudo sysctl --system   # a', '    comment that is long'].join('\n'),
    );
    expect(plain(markdown, 30, { wrapCode: false })).toBe(
      ['  Run:', '', '    sudo sysctl --system   # a comment that is long'].join('\n'),
    );
  });

  it('renders headings as heading spans', () => {
    expect(renderMarkdown('## A heading', { width: 40 })).toEqual([
      [
        { text: '', role: 'plain' },
        { text: 'A heading', role: 'heading' },
      ],
    ]);
  });
});

describe('parseInline', () => {
  it('gives each kind of markup its role', () => {
    expect(parseInline('a `b` **c** __d__ *e* _f_ \\*g [h](i) <https://j>')).toEqual([
      { text: 'a ', role: 'plain' },
      { text: 'b', role: 'code' },
      { text: ' ', role: 'plain' },
      { text: 'c', role: 'strong' },
      { text: ' ', role: 'plain' },
      { text: 'd', role: 'strong' },
      { text: ' ', role: 'plain' },
      { text: 'e', role: 'emphasis' },
      { text: ' ', role: 'plain' },
      { text: 'f', role: 'emphasis' },
      { text: ' ', role: 'plain' },
      { text: '*', role: 'plain' },
      { text: 'g ', role: 'plain' },
      { text: 'h (', role: 'plain' },
      { text: 'i', role: 'link' },
      { text: ')', role: 'plain' },
      { text: ' ', role: 'plain' },
      { text: 'https://j', role: 'link' },
    ]);
  });

  it('leaves underscores inside words alone', () => {
    expect(parseInline('max_user_namespaces and _id_x')).toEqual([
      { text: 'max_user_namespaces and _id_x', role: 'plain' },
    ]);
  });

  it('keeps code with double backticks and inner backticks', () => {
    expect(parseInline('``a ` b``')).toEqual([{ text: 'a ` b', role: 'code' }]);
  });
});
