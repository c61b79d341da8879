// The end of a diagnosis session: every diagnosis it emitted, ranked (src/diagnose/rank.ts) with its
// final count and the verdict that stands, one line per entry, and the summary and exit code
// every front end reports. Pure: the session hands over what it kept.
import { ExitCode } from '../exit-codes.js';
import type { CompiledEntry } from '../kb/types.js';
import { rankDiagnoses } from './rank.js';
import { fixFitsHost, type HostFacts } from './fix-fits-host.js';
import type { Diagnosis, Summary } from './types.js';
import type { Finding } from '../match/finding.js';

export interface DiagnosedFinding {
  entry: CompiledEntry;
  /** with the final count and lines (a finding keeps counting after its diagnosis is out) */
  finding: Finding;
  /** the diagnosis as last emitted, judged again for versions the log stated later */
  diagnosis: Diagnosis;
}

export interface SessionTotals {
  /** in the order the findings were first seen (ties in the ranking keep it) */
  diagnosed: readonly DiagnosedFinding[];
  lines: number;
  suggestions: number;
  /** the closest any unrecognised line came to an entry */
  guess: Summary['guess'];
  facts: HostFacts;
}

/** The ranked answer at the end of input; `ranked` are summary.diagnoses with everything shown. */
export interface SessionSummary {
  summary: Summary;
  ranked: Diagnosis[];
  exitCode: ExitCode;
}

export function summarizeSession(totals: SessionTotals): SessionSummary {
  const ranked = rank(totals.diagnosed);
  const summary: Summary = {
    lines: totals.lines,
    diagnoses: ranked.map(({ id, count, verdict }) => ({ id, count, verdict })),
    suggestions: totals.suggestions,
  };
  const first = ranked[0];
  const collect =
    first && totals.diagnosed.find(({ entry }) => entry.id === first.id)?.entry.collect;
  // a consequence ranked first: the command whose output says why, if it fits the host
  if (collect && first.verdict !== 'ruled-out' && fixFitsHost(collect, totals.facts)) {
    summary.collect = { id: first.id, ...collect };
  }
  // nothing recognised: the closest any unrecognised line came to an entry is the one guess
  if (ranked.length === 0 && totals.guess) summary.guess = totals.guess;
  return { summary, ranked, exitCode: exitCodeOf(summary) };
}

function rank(diagnosed: readonly DiagnosedFinding[]): Diagnosis[] {
  const items = diagnosed.map(({ entry, finding, diagnosis: emitted }) => {
    const diagnosis = {
      ...emitted,
      count: finding.count,
      line: finding.firstLine,
      lastLine: finding.lastLine,
    };
    return {
      diagnosis,
      verdict: diagnosis.verdict,
      role: entry.role,
      specificity: entry.signatures[finding.signature]?.specificity ?? 0,
      severity: diagnosis.severity,
      line: diagnosis.line,
    };
  });
  return foldSameEntry(rankDiagnoses(items).map((item) => item.diagnosis));
}

/**
 * One entry found with different captured values (port 80, then port 443) is one cause: the summary
 * lists it once, where its best-ranked finding stands, with every occurrence counted.
 */
function foldSameEntry(ranked: readonly Diagnosis[]): Diagnosis[] {
  const first = new Map<string, Diagnosis>();
  for (const diagnosis of ranked) {
    const kept = first.get(diagnosis.id);
    if (!kept) {
      first.set(diagnosis.id, { ...diagnosis });
      continue;
    }
    kept.count += diagnosis.count;
    kept.lastLine = Math.max(kept.lastLine, diagnosis.lastLine);
  }
  return [...first.values()];
}

function exitCodeOf(summary: Summary): ExitCode {
  if (summary.diagnoses.some((diagnosis) => diagnosis.verdict !== 'ruled-out')) {
    return ExitCode.found;
  }
  return summary.suggestions > 0 ? ExitCode.suggestionsOnly : ExitCode.ok;
}
