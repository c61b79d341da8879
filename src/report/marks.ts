// The one vocabulary of marks, for every surface: pipe text, `check`, `show` and the TUI. Each
// mark has one meaning and one role (its colour, from ROLE_STYLES); README.md's "Marks" table is
// this table, and test/report/marks.test.ts keeps the two the same.
import type { Verdict } from '../probe/types.js';
import type { TextRole } from './styled-text.js';

export type Mark = 'problem' | 'warning' | 'cannot-tell' | 'ruled-out' | 'passed';

export interface MarkStyle {
  symbol: string;
  role: TextRole;
  /** what it means, as README.md says it */
  meaning: string;
}

export const MARKS: Readonly<Record<Mark, MarkStyle>> = {
  problem: {
    symbol: '✗',
    role: 'verdict-confirmed',
    meaning: 'a confirmed problem: the host shows the cause, or a check failed',
  },
  warning: {
    symbol: '!',
    role: 'warning',
    meaning: 'a check warns: it may cause trouble',
  },
  'cannot-tell': {
    symbol: '?',
    role: 'verdict-unknown',
    meaning:
      'cannot tell or not confirmed: recognised but not probed, a probe that could not run, a guess',
  },
  'ruled-out': {
    symbol: '–',
    role: 'verdict-ruled-out',
    meaning: 'ruled out: the host shows it is not the cause, or a check does not apply here',
  },
  passed: {
    symbol: '✓',
    role: 'passed',
    meaning: 'a passed check; never used for a diagnosis',
  },
};

/** A diagnosis and a probe are marked by their verdict, never by severity. */
export const VERDICT_MARKS: Readonly<Record<Verdict, Mark>> = {
  confirmed: 'problem',
  unknown: 'cannot-tell',
  'ruled-out': 'ruled-out',
};

export function markOf(verdict: Verdict): MarkStyle {
  return MARKS[VERDICT_MARKS[verdict]];
}
