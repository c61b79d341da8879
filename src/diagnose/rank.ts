// Which diagnosis is *the* answer: the first one after ranking (DESIGN.md section 2).
// Order: verdict (confirmed > unknown > ruled-out), role (a cause before a consequence such as the
// setup tool's generic "RootlessKit failed"), severity (an error before a warning before a harmless
// hint such as the setup tool's ip_tables false alarm), the matched signature's specificity (longer
// literal text = a more precise message), then the first line it appeared on.
import type { Verdict } from '../probe/types.js';
import type { Role, Severity } from '../kb/types.js';

export interface Rankable {
  verdict: Verdict;
  role: Role;
  specificity: number;
  severity: Severity;
  line: number;
}

const VERDICT_ORDER: Record<Verdict, number> = { confirmed: 0, unknown: 1, 'ruled-out': 2 };
const ROLE_ORDER: Record<Role, number> = { cause: 0, consequence: 1, benign: 2 };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareRank(a: Rankable, b: Rankable): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    b.specificity - a.specificity ||
    a.line - b.line
  );
}

/** A sorted copy, best first; ruled-out items sink but stay. */
export function rankDiagnoses<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(compareRank);
}
