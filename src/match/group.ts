// Folds matches into findings: one per entry + captured values, with a count and the first and
// last line. The number of distinct findings is bounded, because a capture such as a pid or a path
// can take a new value on every line of an endless log: past the bound, a new combination of
// captures is folded into that entry's first finding.
import type { Finding } from './finding.js';

export const MAX_FINDINGS = 500;

export interface GroupedMatch {
  entryId: string;
  signatureIndex: number;
  captures: Record<string, string>;
  line: number;
  text: string;
}

export class FindingGroups {
  private readonly byKey = new Map<string, Finding>();
  private readonly firstOfEntry = new Map<string, Finding>();

  constructor(private readonly maxFindings = MAX_FINDINGS) {}

  /** Adds one match; returns the finding it created, or undefined when it only raised a count. */
  add(match: GroupedMatch): Finding | undefined {
    const key = findingKey(match.entryId, match.captures);
    const existing =
      this.byKey.get(key) ??
      (this.byKey.size >= this.maxFindings ? this.firstOfEntry.get(match.entryId) : undefined);
    if (existing) {
      existing.count++;
      existing.firstLine = Math.min(existing.firstLine, match.line);
      existing.lastLine = Math.max(existing.lastLine, match.line);
      return undefined;
    }
    const finding: Finding = {
      entryId: match.entryId,
      signature: match.signatureIndex,
      captures: match.captures,
      firstLine: match.line,
      lastLine: match.line,
      count: 1,
      text: match.text,
    };
    this.byKey.set(key, finding);
    if (!this.firstOfEntry.has(match.entryId)) this.firstOfEntry.set(match.entryId, finding);
    return finding;
  }

  /** every finding, in the order they were first seen */
  get findings(): Finding[] {
    return [...this.byKey.values()];
  }
}

export function findingKey(entryId: string, captures: Record<string, string>): string {
  const names = Object.keys(captures).sort();
  return JSON.stringify([entryId, ...names.map((name) => [name, captures[name]])]);
}
