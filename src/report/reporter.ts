// A reporter turns result objects into the text to write; it never writes itself (STYLE.md 6).
// Pipe mode picks one reporter at start and never asks about the output format again.
import type { Diagnosis, Suggestion, Summary } from '../diagnose/types.js';

export interface RunReport {
  summary: Summary;
  /** the same diagnoses as summary.diagnoses, ranked, with final counts */
  ranked: readonly Diagnosis[];
}

export interface Reporter {
  diagnosis(diagnosis: Diagnosis): string;
  suggestion(suggestion: Suggestion): string;
  summary(report: RunReport): string;
}
