// Results are data: the matcher, the probes and the ranking produce these objects, and each
// reporter (text, JSON Lines, Ink) renders the same ones.
import type { Severity } from '../kb/types.js';

export type Verdict = 'confirmed' | 'ruled-out' | 'unknown';

export interface ProbeResult {
  id: string;
  verdict: Verdict;
  /** one line saying what was observed, e.g. `/proc/sys/user/max_user_namespaces = 0` */
  evidence: string;
  /** the value read, kept only for conditions judged per finding (`equals-capture`) */
  observed?: string;
}

/** One entry + one set of captured values, folded over every line that produced it. */
export interface Finding {
  entryId: string;
  /** index of the signature that matched first */
  signature: number;
  captures: Record<string, string>;
  /** 1-based line numbers in the input; for rejoined wrapped lines, the first physical line */
  firstLine: number;
  lastLine: number;
  count: number;
  /** the normalised text of the first matching line, control characters already removed */
  text: string;
}

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

export interface SuggestionCandidate {
  id: string;
  title: string;
  /** fuse.js score: 0 is a perfect match, 1 no match */
  score: number;
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
