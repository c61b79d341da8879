// Conditions that compare a host value with what the log names (`equals-capture: uid`,
// `differs-from-capture: uid`): probes run once per entry, but captures differ per finding, so the
// probe keeps the value it read and the comparison happens here, for each finding. Only a captured
// value that fully matches its capture pattern is compared; anything else cannot tell.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult } from '../probe/types.js';

export function withCaptureConditions(
  entry: CompiledEntry,
  results: readonly ProbeResult[],
  captures: Readonly<Record<string, string>>,
): ProbeResult[] {
  return results.map((result) => {
    const spec = entry.probes.find((probe) => probe.id === result.id);
    const wantsEqual = spec?.confirms['equals-capture'];
    const wantsDifferent = spec?.confirms['differs-from-capture'];
    const wantsAbove = spec?.confirms['above-capture'];
    const name = wantsEqual ?? wantsDifferent ?? wantsAbove;
    if (!spec || name === undefined || result.observed === undefined) return result;
    const captured = Object.hasOwn(captures, name) ? captures[name] : undefined;
    const pattern = entry.captures[name];
    if (
      captured === undefined ||
      pattern === undefined ||
      !new RegExp(`^(?:${pattern})$`).test(captured)
    ) {
      return {
        ...result,
        verdict: 'unknown',
        evidence: `${result.evidence}; the log names no ${name}`,
      };
    }
    if (wantsAbove !== undefined) {
      const value = Number.parseInt(result.observed, 10);
      const bound = Number.parseInt(captured, 10);
      if (Number.isNaN(value) || Number.isNaN(bound)) return { ...result, verdict: 'unknown' };
      const above = value > bound;
      return {
        ...result,
        verdict: above ? 'confirmed' : (spec.otherwise ?? 'ruled-out'),
        evidence: `${result.evidence}, ${above ? 'above' : 'not above'} the ${name} ${captured} the log names`,
      };
    }
    const same = captured === result.observed;
    const verdict =
      same === (wantsEqual !== undefined) ? 'confirmed' : (spec.otherwise ?? 'ruled-out');
    const relation = same ? 'as' : 'but';
    return {
      ...result,
      verdict,
      evidence: `${result.evidence}, ${relation} the log names ${name} ${captured}`,
    };
  });
}
