// The paste view's cards as pre-wrapped styled lines, so wrapping is ours (hanging indents, no
// stray spaces, a wrapped command still reads as one) and cards can be tested without Ink.
// Pasted text (evidence lines) and host output (probe evidence) go through toTerminalSafe first.
// A card also says which of its lines each numbered fix takes, so the paste view can scroll a fix
// into view and tell whether the one `c` would copy is on screen.
import type { Diagnosis, Suggestion } from '../diagnose/types.js';
import type { Verdict } from '../probe/types.js';
import type { Card } from './paste-session.js';
import { toTerminalSafe } from '../report/terminal-safe.js';
import { DESTRUCTIVE_WARNING } from '../report/fix-warnings.js';
import { markOf } from '../report/marks.js';
import { span, wrapSpans, type Span, type StyledLine } from '../report/styled-text.js';

/** The mark of each verdict, from the one vocabulary (report/marks.ts). */
export const VERDICT_MARKS: Record<Verdict, string> = {
  confirmed: markOf('confirmed').symbol,
  'ruled-out': markOf('ruled-out').symbol,
  unknown: markOf('unknown').symbol,
};

const VERDICT_NOTES: Record<Verdict, string> = {
  confirmed: 'confirmed on this host',
  'ruled-out': 'ruled out on this host',
  unknown: 'probes could not tell',
};

/** Width taken by the card's left border and padding. */
export const CARD_CHROME_WIDTH = 2;

/** The lines a numbered fix takes in its card, first and last included (0-based). */
export interface FixLines {
  number: number;
  first: number;
  last: number;
}

export interface CardLayout {
  lines: StyledLine[];
  fixes: FixLines[];
}

/** Said instead of the fixes of a cause the host ruled out, as pipe text does. */
export const RULED_OUT_NOTE =
  'Ruled out on this host, so no fix is offered. Enter opens the entry.';

export function layoutCard(card: Card, firstFix: number, width: number): CardLayout {
  return card.kind === 'diagnosis'
    ? layoutDiagnosisCard(card.diagnosis, firstFix, width)
    : { lines: layoutSuggestionCard(card.suggestion, width), fixes: [] };
}

export function layoutDiagnosisCard(
  diagnosis: Diagnosis,
  firstFix: number,
  width: number,
): CardLayout {
  const wrap = (spans: Span[], firstIndent = '', indent = firstIndent) =>
    wrapSpans(spans, { width, firstIndent, indent });
  const { probes, verdict } = diagnosis;
  const lines: StyledLine[] = [
    ...wrap(
      [
        span(diagnosis.severity, diagnosis.severity),
        span('  '),
        span(diagnosis.title, verdict === 'ruled-out' ? 'dim' : 'title'),
      ],
      '',
      '  ',
    ),
    ...wrap([
      span(`${diagnosis.id} · line ${diagnosis.line}`, 'dim'),
      ...(probes.length > 0
        ? [span(` · ${VERDICT_MARKS[verdict]} ${VERDICT_NOTES[verdict]}`, `verdict-${verdict}`)]
        : []),
    ]),
    ...wrap([span(toTerminalSafe(diagnosis.text), 'evidence')], '› ', '  '),
    ...wrap([span(diagnosis.summary)]),
  ];
  for (const probe of probes) {
    const evidence = `${probe.id}: ${toTerminalSafe(probe.evidence)}`;
    lines.push(
      ...wrap(
        [span(VERDICT_MARKS[probe.verdict], `verdict-${probe.verdict}`), span(` ${evidence}`)],
        '',
        '  ',
      ),
    );
  }
  if (verdict === 'ruled-out') {
    // the cause is not this host's problem: its fixes would change the host for nothing
    lines.push(...wrap([span(RULED_OUT_NOTE, 'dim')]));
    return { lines, fixes: [] };
  }
  const fixes: FixLines[] = [];
  let number = firstFix;
  for (const fix of diagnosis.fixes) {
    const first = lines.length;
    const label = fix.command === undefined ? '• ' : `[${number}] `;
    const root = fix.root ? [span(' (needs root)', 'dim')] : [];
    lines.push(...wrap([span(fix.text), ...root], label, ' '.repeat(label.length)));
    if (fix.destructive) {
      lines.push(...wrap([span(DESTRUCTIVE_WARNING, 'error')], '    ', '    '));
    }
    if (fix.command !== undefined) {
      lines.push(...wrap([span(toTerminalSafe(fix.command, 4096), 'command')], '    $ ', '      '));
      fixes.push({ number: number++, first, last: lines.length - 1 });
    }
  }
  const link = diagnosis.links[0];
  if (link !== undefined) lines.push(...wrap([span(link, 'link')]));
  return { lines, fixes };
}

export function layoutSuggestionCard(suggestion: Suggestion, width: number): StyledLine[] {
  const wrap = (spans: Span[], firstIndent = '', indent = firstIndent) =>
    wrapSpans(spans, { width, firstIndent, indent });
  const lines: StyledLine[] = [
    [span('not recognised', 'guess'), span(` · line ${suggestion.line}`, 'dim')],
    ...wrap([span(toTerminalSafe(suggestion.text), 'evidence')], '› ', '  '),
  ];
  if (suggestion.candidates.length === 0) {
    lines.push(...wrap([span('No entry looks close. Tab opens Browse to search them all.')]));
    return lines;
  }
  lines.push([span('Guesses, not matches: the nearest entries are', 'guess')]);
  for (const candidate of suggestion.candidates) {
    lines.push(...wrap([span(candidate.id, 'id'), span(`  ${candidate.title}`)], '  ', '    '));
  }
  return lines;
}
