// What the matcher finds: one entry and one set of captured values, folded over every line that
// produced it (match/group.ts). Probes and the diagnosis are added later (diagnose/).
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
