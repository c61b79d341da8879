// Conditions that compare a host value with what the log names (`equals-capture: uid`,
// `differs-from-capture: uid`): probes run once per entry, but captures differ per finding, so the
// probe keeps the value it read and the comparison happens here, for each finding. Only a captured
// value that fully matches its capture pattern is compared; anything else cannot tell.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult } from './types.js';

export function withCaptureConditions(
  entry: CompiledEntry,
  results: readonly ProbeResult[],
  captures: Readonly<Record<string, string>>,
): ProbeResult[] {
  return results.map((result) => {
    const spec = entry.probes.find((probe) => probe.id === result.id);
    const wantsEqual = spec?.confirms['equals-capture'];
    const wantsDifferent = spec?.confirms['differs-from-capture'];
    const name = wantsEqual ?? wantsDifferent;
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
