// Human-readable output for a terminal (with colour) or a file (without). Everything that came from
// the log goes through toTerminalSafe; KB text is ours and is printed as written. Lines are styled
// spans in the roles of the one theme (styled-text.ts); a diagnosis is marked by its verdict with
// the one vocabulary (marks.ts): ✗ confirmed, ? cannot tell, – ruled out. On a terminal (`width`
// given) long lines wrap with a hanging indent; commands and links never wrap.
import type { Diagnosis, Suggestion } from '../diagnose/types.js';
import type { ProbeResult, Verdict } from '../probe/types.js';
import type { Reporter, RunReport } from './reporter.js';
import { toTerminalSafe } from './terminal-safe.js';
import { DESTRUCTIVE_WARNING } from './fix-warnings.js';
import { markOf } from './marks.js';
import { renderStyledLines, span, type Span, type StyledLine } from './styled-text.js';
import { wrapLines, type TextLine } from './wrap-lines.js';

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

export interface TextReporterOptions {
  color: boolean;
  /** the terminal's width; undefined when stdout is not a terminal (nothing is wrapped) */
  width?: number;
}

type Line = TextLine | StyledLine;

export function createTextReporter(options: TextReporterOptions): Reporter {
  const render = (lines: readonly Line[]) =>
    renderStyledLines(wrapLines(lines, options.width), options.color);
  return {
    diagnosis: (diagnosis) => `${render(diagnosisLines(diagnosis))}\n\n`,
    suggestion: (suggestion) => `${render(suggestionLines(suggestion))}\n\n`,
    summary: (report) => `${render(summaryLines(report))}\n`,
  };
}

function diagnosisLines(diagnosis: Diagnosis): Line[] {
  const mark = markOf(diagnosis.verdict);
  const note = VERDICT_NOTE[diagnosis.verdict];
  const ruledOut = diagnosis.verdict === 'ruled-out';
  const lines: Line[] = [
    [
      span(mark.symbol, mark.role),
      span(' '),
      span(diagnosis.title, 'title'),
      span(' '),
      span(`[${diagnosis.id}]`, 'dim'),
      ...(note ? [span(' — '), span(note, mark.role)] : []),
    ],
    [
      span('  '),
      span(`line ${diagnosis.line}:`, 'dim'),
      span(` ${toTerminalSafe(diagnosis.text)}`),
    ],
    [span(`  ${diagnosis.summary}`)],
    ...diagnosis.probes.map((probe) => [span(`  ${formatProbe(probe)}`)]),
    // with several probes, which of them decided (one probe's line already says it)
    ...(diagnosis.probes.length > 1
      ? [[span(`  verdict: ${toTerminalSafe(diagnosis.reason)}`)]]
      : []),
    // a cause this host rules out stays visible, but its fixes would only be noise here
    ...(ruledOut ? [[span(`  fixes: rootless-doctor show ${diagnosis.id}`)]] : []),
    ...(ruledOut ? [] : diagnosis.fixes).flatMap((fix): Line[] => [
      [span(`  fix: ${fix.text}`)],
      ...(fix.destructive ? [[span('  '), span(DESTRUCTIVE_WARNING, 'error')]] : []),
      ...(fix.command === undefined
        ? []
        : [
            {
              spans: [
                span('    '),
                span(`$ ${toTerminalSafe(fix.command, Infinity)}`, 'command'),
                ...(fix.root ? [span('  # needs root', 'warning')] : []),
              ],
              whole: true,
            },
          ]),
    ]),
    ...(ruledOut ? [] : diagnosis.links).map((link): Line => ({
      spans: [span('  see: '), span(link, 'link')],
      whole: true,
    })),
  ];
  // a ruled-out cause is dimmed all through; only its mark keeps its role
  if (!ruledOut) return lines;
  const [[markSpan, ...head] = [], ...rest] = lines as StyledLine[];
  return [[markSpan!, ...dimmed(head)], ...rest.map(dimmed)];
}

function dimmed<T extends Line>(line: T): T {
  const dim = (spans: Span[]) => spans.map((part) => span(part.text, 'dim'));
  return (Array.isArray(line) ? dim(line) : { ...line, spans: dim(line.spans) }) as T;
}

function formatProbe(probe: ProbeResult): string {
  return `checked: ${toTerminalSafe(probe.evidence)} (${PROBE_WORD[probe.verdict]})`;
}

function suggestionLines(suggestion: Suggestion): Line[] {
  const [first, ...rest] = suggestion.candidates;
  const guess = markOf('unknown');
  const guesses: Line[] = first
    ? [
        [span(`  a guess: ${first.title} `), span(`[${first.id}]`, 'dim')],
        ...rest.map((candidate) => [
          span(`       or: ${candidate.title} `),
          span(`[${candidate.id}]`, 'dim'),
        ]),
      ]
    : [[span('  no similar entry in the knowledge base')]];
  return [
    [
      span(guess.symbol, guess.role),
      span(' '),
      span('Not a known error, but it looks like one', 'title'),
    ],
    [
      span('  '),
      span(`line ${suggestion.line}:`, 'dim'),
      span(` ${toTerminalSafe(suggestion.text)}`),
    ],
    ...guesses,
  ];
}

function summaryLines({ summary, ranked }: RunReport): Line[] {
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
  const list = ranked.map((diagnosis, index): Line => {
    const verdict = diagnosis.verdict === 'unknown' ? '' : `, ${VERDICT_NOTE[diagnosis.verdict]}`;
    const item = [
      span(`  ${index + 1}. ${diagnosis.title} `),
      span(`[${diagnosis.id}]`, 'dim'),
      span(` line ${diagnosis.line}, ×${diagnosis.count}${verdict}`),
    ];
    return diagnosis.verdict === 'ruled-out' ? dimmed(item) : item;
  });
  const collect: Line[] = summary.collect
    ? [
        [
          span(
            `  This shows only a consequence; the line that says why is elsewhere. ${summary.collect.text}`,
          ),
        ],
        { spans: [span('    '), span(`$ ${summary.collect.command}`, 'command')], whole: true },
      ]
    : [];
  const guess: Line[] = summary.guess
    ? [
        [
          span(`  Best guess (line ${summary.guess.line}, not a match): ${summary.guess.title} `),
          span(`[${summary.guess.id}]`, 'dim'),
        ],
      ]
    : [];
  return [[span(`${head}.`, 'title')], ...list, ...collect, ...guess];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
