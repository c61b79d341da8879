// Results are data: the matcher, the probes and the ranking produce these objects, and each
// reporter (text, JSON Lines, Ink) renders the same ones.
import type { Severity } from '../kb/types.js';
import type { ProbeResult, Verdict } from '../probe/types.js';
import type { SuggestionCandidate } from '../search/types.js';

export interface FilledFix {
  text: string;
  /** the command with validated, shell-quoted captures filled in; placeholders kept otherwise */
  command?: string;
  root: boolean;
  /** the command can lose data; only ever present for a confirmed cause */
  destructive?: boolean;
}

export interface Diagnosis {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  /** confirmed / ruled-out by probes, unknown when not probed or not decidable */
  verdict: Verdict;
  /** the verdict's reason in one line: `confirmed: …`, `ruled out: …`, `cannot tell: …` */
  reason: string;
  line: number;
  lastLine: number;
  count: number;
  text: string;
  captures: Record<string, string>;
  probes: ProbeResult[];
  fixes: FilledFix[];
  links: string[];
  tags: string[];
}

/** An error-looking line that matched no signature, with the nearest entries as a guess. */
export interface Suggestion {
  line: number;
  text: string;
  candidates: SuggestionCandidate[];
}

export interface Summary {
  lines: number;
  /** ranked, best first: the first element is the answer to "what is wrong" */
  diagnoses: { id: string; count: number; verdict: Verdict }[];
  suggestions: number;
  /** the first diagnosis only shows a consequence: the command whose output says why */
  collect?: { id: string; command: string; text: string };
  /** nothing diagnosed: the best-scoring candidate of all suggestions, and its line */
  guess?: SuggestionCandidate & { line: number };
}
