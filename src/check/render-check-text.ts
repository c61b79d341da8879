// The text report: one aligned line per check, marked with the one vocabulary (report/marks.ts):
// `✓` passed, `!` a warning, `✗` failed, `–` does not apply here, `?` the check itself failed
// (it cannot tell); the entry to read under each warning, the entry and its fix under each
// failure, then a summary line. Colour (the theme's roles) only marks the status and the command;
// the words carry the meaning. On a terminal (`width` given) a long line wraps under its evidence
// column; a command never wraps.
import type { RuleSet } from '../kb/types.js';
import { MARKS, type Mark } from '../report/marks.js';
import { renderStyledLines, span } from '../report/styled-text.js';
import { wrapLines, type TextLine } from '../report/wrap-lines.js';
import type { CheckResult, CheckStatus } from './types.js';
import type { CheckSummary } from './summarize-checks.js';
import type { FixContext } from './find-entry-fix.js';
import { chooseFix } from './find-entry-fix.js';

/** Each status's mark, from the one vocabulary. */
export const CHECK_MARKS: Readonly<Record<CheckStatus, Mark>> = {
  pass: 'passed',
  warn: 'warning',
  fail: 'problem',
  skip: 'ruled-out',
  error: 'cannot-tell',
};

export const CHECK_SYMBOLS: Readonly<Record<CheckStatus, string>> = {
  pass: MARKS[CHECK_MARKS.pass].symbol,
  warn: MARKS[CHECK_MARKS.warn].symbol,
  fail: MARKS[CHECK_MARKS.fail].symbol,
  skip: MARKS[CHECK_MARKS.skip].symbol,
  error: MARKS[CHECK_MARKS.error].symbol,
};

export interface RenderCheckTextOptions {
  color: boolean;
  ruleSet: RuleSet;
  /** the checked user's values for fix commands, and what fits this host */
  fixContext?: FixContext;
  /** the terminal's width; undefined when stdout is not a terminal (nothing is wrapped) */
  width?: number;
}

function fixLines(result: CheckResult, options: RenderCheckTextOptions): TextLine[] {
  if (result.entry === undefined) return [];
  if (result.status === 'warn') return [{ spans: [span(`  → see ${result.entry}`)] }];
  const fixContext = options.fixContext ?? { captures: {} };
  const fix = chooseFix(result, options.ruleSet, fixContext);
  if (fix === undefined) return [{ spans: [span(`  → ${result.entry}`)] }];
  const lines: TextLine[] = [{ spans: [span(`  → ${result.entry}: ${fix.text}`)], hang: 4 }];
  if (fix.command !== undefined) {
    const other = fixContext.otherUser;
    // as in pipe text: a fix that needs root says so in the warning role
    const note = fix.root
      ? [span('   # needs root', 'warning')]
      : other === undefined
        ? []
        : [span(`   # as ${other.name}`, 'command')];
    lines.push({
      spans: [span('    '), span(`$ ${fix.command}`, 'command'), ...note],
      whole: true,
    });
  }
  return lines;
}

function summaryLine(summary: CheckSummary): string {
  const parts = [
    `${summary.pass} passed`,
    `${summary.warn} warning${summary.warn === 1 ? '' : 's'}`,
    `${summary.fail} failed`,
  ];
  if (summary.skip > 0) parts.push(`${summary.skip} not applicable`);
  if (summary.error > 0) parts.push(`${summary.error} could not run`);
  return `${summary.total} checks: ${parts.join(', ')}`;
}

export function renderCheckText(
  results: readonly CheckResult[],
  summary: CheckSummary,
  options: RenderCheckTextOptions,
): string {
  const width = Math.max(0, ...results.map((r) => r.label.length));
  const lines: TextLine[] = [];
  for (const result of results) {
    const mark = MARKS[CHECK_MARKS[result.status]];
    lines.push({
      spans: [
        span(mark.symbol, mark.role),
        span(` ${result.label.padEnd(width)}  ${result.evidence}`),
      ],
      // a wrapped evidence continues under itself, unless the labels leave it no room
      hang: 2 + width + 2 <= (options.width ?? 0) / 2 ? 2 + width + 2 : 4,
    });
    lines.push(...fixLines(result, options));
  }
  lines.push({ spans: [] }, { spans: [span(summaryLine(summary))] });
  return `${renderStyledLines(wrapLines(lines, options.width), options.color)}\n`;
}
