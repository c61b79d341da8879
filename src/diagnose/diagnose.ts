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
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    severity: entry.severity,
    verdict: combineVerdicts(probes),
    line: finding.firstLine,
    lastLine: finding.lastLine,
    count: finding.count,
    text: finding.text,
    captures: finding.captures,
    probes: [...probes],
    fixes: entry.fixes.map((fix) => fillFix(fix, finding.captures, entry.captures)),
    links: entry.links,
    tags: entry.tags,
  };
}
