// The vocabulary of marks is written once in code (report/marks.ts, colours from ROLE_STYLES) and
// once for people (README.md, "Marks and colours"); this keeps the two the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_SYMBOLS } from '../../src/check/render-check-text.js';
import { MARKS, markOf } from '../../src/report/marks.js';
import { ROLE_STYLES } from '../../src/report/styled-text.js';
import { VERDICT_MARKS as CARD_MARKS } from '../../src/ui/layout-card.js';
import { createTheme } from '../../src/ui/theme.js';

const README = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The rows of the README table under `### Marks and colours`. */
function readmeRows(): string[][] {
  const section = README.split('### Marks and colours')[1]?.split('\n### ')[0] ?? '';
  return section
    .split('\n')
    .filter(
      (line) => line.startsWith('| ') && !line.startsWith('| mark') && !line.startsWith('| ---'),
    )
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

function colourWords(role: keyof typeof ROLE_STYLES): string {
  const style = ROLE_STYLES[role];
  return [style.bold ? 'bold' : '', style.color ?? ''].filter(Boolean).join(' ');
}

describe('the one vocabulary of marks', () => {
  it('README.md states the same marks, colours and meanings as the code, in the same order', () => {
    const fromCode = Object.values(MARKS).map((mark) => [
      mark.symbol,
      colourWords(mark.role),
      mark.meaning,
    ]);
    expect(readmeRows()).toEqual(fromCode);
  });

  it('gives each symbol one meaning', () => {
    const symbols = Object.values(MARKS).map((mark) => mark.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('is what pipe text, check and the TUI cards print', () => {
    expect([
      markOf('confirmed').symbol,
      markOf('unknown').symbol,
      markOf('ruled-out').symbol,
    ]).toEqual(['✗', '?', '–']);
    expect(CARD_MARKS).toEqual({ confirmed: '✗', unknown: '?', 'ruled-out': '–' });
    expect(CHECK_SYMBOLS).toEqual({ pass: '✓', warn: '!', fail: '✗', skip: '–', error: '?' });
  });

  it('has one colour per role on every surface: the TUI theme is ROLE_STYLES', () => {
    const theme = createTheme(true);
    for (const [role, style] of Object.entries(ROLE_STYLES)) {
      const { dim, ...rest } = style;
      expect(theme.style(role as keyof typeof ROLE_STYLES)).toEqual(
        dim ? { ...rest, dimColor: true } : rest,
      );
    }
    expect(theme.border('error')).toBe(ROLE_STYLES.error.color);
    expect(theme.border('info')).toBe(ROLE_STYLES.info.color);
    expect(theme.border('guess')).toBe(ROLE_STYLES.guess.color);
  });
});
