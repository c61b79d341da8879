// JSON Lines, exactly as DESIGN.md section 2: one object per line, keys in the documented order.
// JSON.stringify escapes every control character, so log text cannot reach a terminal raw.
import type { Diagnosis, Suggestion } from '../diagnose/types.js';
import type { Reporter, RunReport } from './reporter.js';

export const jsonReporter: Reporter = {
  diagnosis: (diagnosis) => line(diagnosisRecord(diagnosis)),
  suggestion: (suggestion) => line(suggestionRecord(suggestion)),
  summary: (report) => line(summaryRecord(report)),
};

function line(record: object): string {
  return `${JSON.stringify(record)}\n`;
}

function diagnosisRecord(diagnosis: Diagnosis): object {
  return {
    type: 'diagnosis',
    id: diagnosis.id,
    title: diagnosis.title,
    severity: diagnosis.severity,
    verdict: diagnosis.verdict,
    reason: diagnosis.reason,
    line: diagnosis.line,
    text: diagnosis.text,
    captures: diagnosis.captures,
    probes: diagnosis.probes.map(({ id, verdict, evidence }) => ({ id, verdict, evidence })),
    fixes: diagnosis.fixes.map(({ text, command, root, destructive }) => ({
      text,
      ...(command === undefined ? {} : { command }),
      root,
      ...(destructive ? { destructive } : {}),
    })),
    links: diagnosis.links,
    tags: diagnosis.tags,
  };
}

function suggestionRecord(suggestion: Suggestion): object {
  return {
    type: 'suggestion',
    line: suggestion.line,
    text: suggestion.text,
    candidates: suggestion.candidates.map(({ id, title, score }) => ({
      id,
      title,
      score: Math.round(score * 100) / 100,
    })),
  };
}

function summaryRecord({ summary }: RunReport): object {
  return {
    type: 'summary',
    lines: summary.lines,
    diagnoses: summary.diagnoses.map(({ id, count, verdict }) => ({ id, count, verdict })),
    suggestions: summary.suggestions,
    ...(summary.collect ? { collect: summary.collect } : {}),
    ...(summary.guess
      ? {
          guess: {
            id: summary.guess.id,
            title: summary.guess.title,
            score: Math.round(summary.guess.score * 100) / 100,
            line: summary.guess.line,
          },
        }
      : {}),
  };
}
