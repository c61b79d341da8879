// A finding + its entry + what the probes saw = a Diagnosis, the object every reporter renders.
import type { CompiledEntry } from '../kb/types.js';
import { combineVerdicts } from '../probe/combine-verdicts.js';
import { fillFix } from './fill-fix.js';
import type { Diagnosis, Finding, ProbeResult } from './types.js';

export function diagnose(
  entry: CompiledEntry,
  finding: Finding,
  probes: readonly ProbeResult[],
): Diagnosis {
  const verdict = combineVerdicts(probes);
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    severity: entry.severity,
    verdict,
    line: finding.firstLine,
    lastLine: finding.lastLine,
    count: finding.count,
    text: finding.text,
    captures: finding.captures,
    probes: [...probes],
    // a command that can lose data is offered only when the host confirmed the cause
    fixes: entry.fixes
      .filter((fix) => !fix.destructive || verdict === 'confirmed')
      .map((fix) => fillFix(fix, finding.captures, entry.captures)),
    links: entry.links,
    tags: entry.tags,
  };
}
