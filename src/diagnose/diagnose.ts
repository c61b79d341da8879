// A finding + its entry + what the probes saw = a Diagnosis, the object every reporter renders.
import type { CompiledEntry } from '../kb/types.js';
import { judgeEntry } from '../probe/judge-entry.js';
import { fillFix } from './fill-fix.js';
import { withCaptureConditions } from './judge-captures.js';
import { fixFitsHost, type HostFacts } from './fix-fits-host.js';
import { HOST_VALUE_PATTERNS } from '../kb/host-values.js';
import type { Diagnosis } from './types.js';
import type { Finding } from '../match/finding.js';
import type { ProbeResult, Verdict } from '../probe/types.js';

export function diagnose(
  entry: CompiledEntry,
  finding: Finding,
  probes: readonly ProbeResult[],
  /** values computed from the host for the fixes (src/kb/host-values.ts) */
  hostValues: Readonly<Record<string, string>> = {},
  /** what decides which fixes fit this host (no systemctl without systemd) */
  facts: HostFacts = {},
): Diagnosis {
  const judged = withCaptureConditions(entry, probes, finding.captures);
  const { verdict, reason } = judgeEntry(entry.probes, judged);
  return {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    severity: entry.severity,
    verdict,
    reason,
    line: finding.firstLine,
    lastLine: finding.lastLine,
    count: finding.count,
    text: finding.text,
    captures: finding.captures,
    probes: judged.map((result) => shownAs(entry, result, verdict)),
    // a command that can lose data is offered only when the host confirmed the cause
    fixes: entry.fixes
      .filter((fix) => !fix.destructive || verdict === 'confirmed')
      .filter((fix) => fixFitsHost(fix, facts))
      .map((fix) =>
        fillFix(
          fix,
          { ...finding.captures, ...hostValues },
          { ...entry.captures, ...HOST_VALUE_PATTERNS },
        ),
      ),
    links: entry.links,
    tags: entry.tags,
  };
}

/**
 * How a probe reads in the report: an exclusion observed true rules the cause out, and observed
 * false says nothing about it; an alternative observed false says nothing either, unless every
 * alternative was (then the entry is ruled out by them); other probes read as they were judged.
 */
function shownAs(
  entry: CompiledEntry,
  { id, verdict, evidence }: ProbeResult,
  entryVerdict: Verdict,
): ProbeResult {
  const spec = entry.probes.find((probe) => probe.id === id);
  if (spec?.excludes) {
    return { id, verdict: verdict === 'confirmed' ? 'ruled-out' : 'unknown', evidence };
  }
  if (spec?.otherwise === 'unknown' && verdict === 'ruled-out' && entryVerdict !== 'ruled-out') {
    return { id, verdict: 'unknown', evidence };
  }
  return { id, verdict, evidence };
}
