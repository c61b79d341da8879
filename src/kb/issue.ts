// A problem the KB linter found: a stable code, a message in the one error grammar
// ("Unexpected X, expected Y"), and where it is (1-based line and column in the file).

export const ISSUE_CODES = [
  'front-matter-missing',
  'yaml-invalid',
  'unknown-field',
  'missing-field',
  'wrong-type',
  'id-invalid',
  'duplicate-id',
  'regex-invalid',
  'regex-unsafe',
  'literal-invalid',
  'capture-pattern-missing',
  'capture-undefined',
  'placeholder-quoted',
  'condition-invalid',
  'command-not-allowed',
  'duplicate-probe-id',
  'example-not-matched',
  'example-captures-differ',
  'no-match-example-matched',
  'example-claimed-by-other-entry',
  'shares-with-invalid',
  'section-missing',
  'section-order',
  'version-range-invalid',
  'destructive-fix-unmarked',
  'destructive-fix-first',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Position {
  line: number;
  column: number;
}

export interface Issue extends Position {
  file: string;
  code: IssueCode;
  message: string;
}

export function formatIssue(issue: Issue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message} (${issue.code})`;
}

export function compareIssues(a: Issue, b: Issue): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}
