// The text report: one aligned line per check (`✓` pass, `!` warning, `✗` fail, `-` not
// applicable here, `?` the check itself failed), the entry to read under each warning, the entry
// and its fix under each failure, then a summary line. Colour only marks the status; the words
// carry the meaning.
import type { RuleSet } from '../kb/types.js';
import type { CheckResult, CheckStatus } from './types.js';
import type { CheckSummary } from './summarize-checks.js';
import type { FixContext } from './find-entry-fix.js';
import { chooseFix } from './find-entry-fix.js';

export const CHECK_SYMBOLS: Readonly<Record<CheckStatus, string>> = {
  pass: '✓',
  warn: '!',
  fail: '✗',
  skip: '-',
  error: '?',
};
const COLORS: Record<CheckStatus, string> = {
  pass: '32',
  warn: '33',
  fail: '31',
  skip: '90',
  error: '35',
};

export interface RenderCheckTextOptions {
  color: boolean;
  ruleSet: RuleSet;
  /** the checked user's values for fix commands, and what fits this host */
  fixContext?: FixContext;
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[39m` : text;
}

function fixLines(result: CheckResult, options: RenderCheckTextOptions): string[] {
  if (result.entry === undefined) return [];
  if (result.status === 'warn') return [`  → see ${result.entry}`];
  const fixContext = options.fixContext ?? { captures: {} };
  const fix = chooseFix(result, options.ruleSet, fixContext);
  if (fix === undefined) return [`  → ${result.entry}`];
  const lines = [`  → ${result.entry}: ${fix.text}`];
  if (fix.command !== undefined) {
    const other = fixContext.otherUser;
    const note = fix.root ? '   # needs root' : other === undefined ? '' : `   # as ${other.name}`;
    lines.push(paint(`    $ ${fix.command}${note}`, '36', options.color));
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
  const lines: string[] = [];
  for (const result of results) {
    const symbol = paint(CHECK_SYMBOLS[result.status], COLORS[result.status], options.color);
    lines.push(`${symbol} ${result.label.padEnd(width)}  ${result.evidence}`);
    lines.push(...fixLines(result, options));
  }
  lines.push('', summaryLine(summary));
  return lines.join('\n') + '\n';
}
