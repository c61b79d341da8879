// How the probes of one entry add up (kb/README.md): each probe is a condition the cause needs, so
// one ruled-out probe rules the entry out; otherwise one confirmed probe confirms it; otherwise
// (no probes, or none could tell) it stays unknown.
import type { ProbeResult, Verdict } from '../diagnose/types.js';

export function combineVerdicts(results: readonly Pick<ProbeResult, 'verdict'>[]): Verdict {
  if (results.some((r) => r.verdict === 'ruled-out')) return 'ruled-out';
  if (results.some((r) => r.verdict === 'confirmed')) return 'confirmed';
  return 'unknown';
}
