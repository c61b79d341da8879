// How an entry's probes add up to a verdict (kb/README.md, "Probes"), with its reason in one line.
// - Requirements (the default): every one must be observed true to confirm; one observed false rules
//   the cause out.
// - Alternatives (`otherwise: unknown`): one observed true is enough; false alone says nothing,
//   but when two or more alternatives are all observed false, none of the ways holds: ruled out.
// - Exclusions (`excludes: true`): one observed true rules the cause out; false says nothing.
// A probe that could not look (no systemd, a missing command, permission denied, a timeout) is
// "cannot tell": it never confirms, never rules out, and keeps the entry from being confirmed when
// it was a requirement. No probes at all: cannot tell.
import type { ProbeSpec } from '../kb/types.js';
import type { ProbeResult, Verdict } from './types.js';

export interface EntryVerdict {
  verdict: Verdict;
  /** one line: why */
  reason: string;
}

export function judgeEntry(
  specs: readonly Pick<ProbeSpec, 'id' | 'otherwise' | 'excludes'>[],
  results: readonly ProbeResult[],
): EntryVerdict {
  const resultOf = new Map(results.map((result) => [result.id, result]));
  const seen = (spec: Pick<ProbeSpec, 'id'>) => resultOf.get(spec.id);
  // results without a spec (version evidence from the log) are requirements
  const known = new Set(specs.map((spec) => spec.id));
  const requirements = [
    ...specs.filter((spec) => !spec.excludes && spec.otherwise !== 'unknown').map(seen),
    ...results.filter((result) => !known.has(result.id)),
  ];
  const alternatives = specs
    .filter((spec) => !spec.excludes && spec.otherwise === 'unknown')
    .map(seen);
  const exclusions = specs.filter((spec) => spec.excludes).map(seen);

  const excluded = exclusions.find((result) => result?.verdict === 'confirmed');
  if (excluded) return { verdict: 'ruled-out', reason: `ruled out: ${excluded.evidence}` };
  const failed = requirements.find((result) => result?.verdict === 'ruled-out');
  if (failed) return { verdict: 'ruled-out', reason: `ruled out: ${failed.evidence}` };
  if (requirements.length + alternatives.length === 0) {
    return { verdict: 'unknown', reason: 'cannot tell: nothing on this host was checked' };
  }
  // a requirement without a result was not checked (no probes run): it cannot be confirmed
  const open = requirements.findIndex((result) => result?.verdict !== 'confirmed');
  if (open !== -1) {
    const evidence = requirements[open]?.evidence ?? 'a requirement was not checked';
    return { verdict: 'unknown', reason: `cannot tell: ${evidence}` };
  }
  if (alternatives.length > 0) {
    const found = alternatives.find((result) => result?.verdict === 'confirmed');
    // an either-or of two or more, every one of them observed false: none of the ways holds
    const allFalse = alternatives.every((result) => result?.verdict === 'ruled-out');
    if (!found && alternatives.length > 1 && allFalse) {
      return {
        verdict: 'ruled-out',
        reason: `ruled out: ${alternatives.map((result) => result!.evidence).join('; ')}`,
      };
    }
    if (!found) {
      const last = alternatives.find((result) => result !== undefined);
      return {
        verdict: 'unknown',
        reason: `cannot tell: ${last?.evidence ?? 'nothing was checked'}`,
      };
    }
    return { verdict: 'confirmed', reason: `confirmed: ${found.evidence}` };
  }
  const evidence = requirements.map((result) => result!.evidence).join('; ');
  return { verdict: 'confirmed', reason: `confirmed: ${evidence}` };
}
