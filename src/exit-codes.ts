// Exit codes of every command, per DESIGN.md section 2. Scripts depend on these numbers.
export const ExitCode = {
  /** nothing wrong found (kb lint: clean; check: every check passed) */
  ok: 0,
  /** at least one diagnosis not ruled out (kb lint: issues found; check: a failing check) */
  found: 1,
  /** usage error, unreadable file, broken KB */
  usage: 2,
  /** error-looking lines were seen but no entry matched: suggestions only */
  suggestionsOnly: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
