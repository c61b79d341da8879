// Human-readable output for a terminal (with colour) or a file (without). Everything that came from
// the log goes through toTerminalSafe; KB text is ours and is printed as written.
import type { Diagnosis, ProbeResult, Suggestion, Verdict } from '../diagnose/types.js';
import type { Severity } from '../kb/types.js';
import type { Reporter, RunReport } from './reporter.js';
import { toTerminalSafe } from './terminal-safe.js';
import { DESTRUCTIVE_WARNING } from './fix-warnings.js';

type Paint = (text: string) => string;

interface Palette {
  bold: Paint;
  dim: Paint;
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  green: Paint;
}

const SEVERITY_MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };
const PROBE_WORD: Record<Verdict, string> = {
  confirmed: 'confirms',
  'ruled-out': 'rules out',
  unknown: 'cannot tell',
};
const VERDICT_NOTE: Record<Verdict, string> = {
  confirmed: 'confirmed on this host',
  'ruled-out': 'ruled out on this host',
  unknown: '',
};

export function createTextReporter(options: { color: boolean }): Reporter {
  const paint = createPalette(options.color);
  return {
    diagnosis: (diagnosis) => formatDiagnosis(diagnosis, paint),
    suggestion: (suggestion) => formatSuggestion(suggestion, paint),
    summary: (report) => formatSummary(report, paint),
  };
}

function formatDiagnosis(diagnosis: Diagnosis, paint: Palette): string {
  const severityPaint = { error: paint.red, warning: paint.yellow, info: paint.cyan }[
    diagnosis.severity
  ];
  const note = VERDICT_NOTE[diagnosis.verdict];
  const lines = [
    `${severityPaint(SEVERITY_MARK[diagnosis.severity])} ${paint.bold(diagnosis.title)} ` +
      paint.dim(`[${diagnosis.id}]`) +
      (note ? ` — ${diagnosis.verdict === 'confirmed' ? paint.green(note) : note}` : ''),
    `  ${paint.dim(`line ${diagnosis.line}:`)} ${toTerminalSafe(diagnosis.text)}`,
    `  ${diagnosis.summary}`,
    ...diagnosis.probes.map((probe) => `  ${formatProbe(probe)}`),
    // with several probes, which of them decided (one probe's line already says it)
    ...(diagnosis.probes.length > 1 ? [`  verdict: ${toTerminalSafe(diagnosis.reason)}`] : []),
    // a cause this host rules out stays visible, but its fixes would only be noise here
    ...(diagnosis.verdict === 'ruled-out' ? [`  fixes: rootless-doctor show ${diagnosis.id}`] : []),
    ...(diagnosis.verdict === 'ruled-out' ? [] : diagnosis.fixes).flatMap((fix) => [
      `  fix: ${fix.text}`,
      ...(fix.destructive ? [`  ${paint.red(DESTRUCTIVE_WARNING)}`] : []),
      ...(fix.command === undefined
        ? []
        : [
            `    ${paint.cyan(`$ ${toTerminalSafe(fix.command, Infinity)}`)}${fix.root ? paint.yellow('  # needs root') : ''}`,
          ]),
    ]),
    ...(diagnosis.verdict === 'ruled-out' ? [] : diagnosis.links).map((link) => `  see: ${link}`),
  ];
  const block = diagnosis.verdict === 'ruled-out' ? lines.map((line) => paint.dim(line)) : lines;
  return `${block.join('\n')}\n\n`;
}

function formatProbe(probe: ProbeResult): string {
  return `checked: ${toTerminalSafe(probe.evidence)} (${PROBE_WORD[probe.verdict]})`;
}

function formatSuggestion(suggestion: Suggestion, paint: Palette): string {
  const [first, ...rest] = suggestion.candidates;
  const guesses = first
    ? [
        `  a guess: ${first.title} ${paint.dim(`[${first.id}]`)}`,
        ...rest.map(
          (candidate) => `       or: ${candidate.title} ${paint.dim(`[${candidate.id}]`)}`,
        ),
      ]
    : ['  no similar entry in the knowledge base'];
  return [
    `${paint.yellow('?')} ${paint.bold('Not a known error, but it looks like one')}`,
    `  ${paint.dim(`line ${suggestion.line}:`)} ${toTerminalSafe(suggestion.text)}`,
    ...guesses,
    '',
    '',
  ].join('\n');
}

function formatSummary({ summary, ranked }: RunReport, paint: Palette): string {
  const ruledOut = summary.diagnoses.filter((d) => d.verdict === 'ruled-out').length;
  const found = [
    summary.diagnoses.length > 0
      ? plural(summary.diagnoses.length, 'diagnosis', 'diagnoses') +
        (ruledOut > 0 ? ` (${ruledOut} ruled out on this host)` : '')
      : '',
    summary.suggestions > 0 ? plural(summary.suggestions, 'suggestion', 'suggestions') : '',
  ].filter(Boolean);
  const head =
    `${plural(summary.lines, 'line', 'lines')} read: ` +
    (found.length > 0 ? found.join(', ') : 'no known problem found');
  const list = ranked.map((diagnosis, index) => {
    const verdict = diagnosis.verdict === 'unknown' ? '' : `, ${VERDICT_NOTE[diagnosis.verdict]}`;
    const item =
      `  ${index + 1}. ${diagnosis.title} ${paint.dim(`[${diagnosis.id}]`)} ` +
      `line ${diagnosis.line}, ×${diagnosis.count}${verdict}`;
    return diagnosis.verdict === 'ruled-out' ? paint.dim(item) : item;
  });
  const collect = summary.collect
    ? [
        `  This shows only a consequence; the line that says why is elsewhere. ${summary.collect.text}`,
        `    ${paint.cyan(`$ ${summary.collect.command}`)}`,
      ]
    : [];
  const guess = summary.guess
    ? [
        `  Best guess (line ${summary.guess.line}, not a match): ${summary.guess.title} ${paint.dim(`[${summary.guess.id}]`)}`,
      ]
    : [];
  return [paint.bold(`${head}.`), ...list, ...collect, ...guess, ''].join('\n');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function createPalette(color: boolean): Palette {
  const sgr =
    (open: number, close: number): Paint =>
    (text) =>
      color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    green: sgr(32, 39),
  };
}
