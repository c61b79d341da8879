// Runs one KB probe against a host: its kind looks, judge-observation decides. Whatever happens
// inside (a host call that throws, a read that hangs on a dead NFS home) ends as `unknown` with a
// reason, within the time bound: one bad probe must not take a diagnosis down with it.
import type { ProbeSpec } from '../kb/types.js';
import type { ProbeResult } from './types.js';
import type { Host } from './host.js';
import type { Observation, ProbeOptions } from './types.js';
import { DEFAULT_PROBE_TIMEOUT_MS } from './types.js';
import { judgeObservation } from './judge-observation.js';
import { probeKindOf } from './probe-kinds.js';
import { sanitizeEvidence } from './sanitize-evidence.js';

function observe(spec: ProbeSpec, host: Host, options: ProbeOptions): Promise<Observation> {
  const kind = probeKindOf(spec);
  if (!kind) {
    return Promise.resolve({ state: 'unknown', evidence: `unknown probe kind \`${spec.kind}\`` });
  }
  return kind.observe(spec, host, options);
}

/** Slack past the probe's own bound, so a command killed at its timeout reports that itself. */
const GRACE_MS = 100;

/** Resolves with `fallback` when `work` has not settled within ms; never rejects. */
export function settleWithin<T>(
  work: () => Promise<T>,
  ms: number,
  fallback: (error?: unknown) => T,
): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback()), ms);
    Promise.resolve()
      .then(work)
      .then(resolve, (error: unknown) => resolve(fallback(error)))
      .finally(() => clearTimeout(timer));
  });
}

/** What the probe looks at, to name it when it had to be cut off. */
function describeTarget(spec: ProbeSpec): string {
  return probeKindOf(spec)?.target(spec) ?? `probe \`${spec.id}\``;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runProbe(
  spec: ProbeSpec,
  host: Host,
  options?: Partial<ProbeOptions>,
): Promise<ProbeResult> {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const seen = await settleWithin<Observation>(
    () => observe(spec, host, { timeoutMs }),
    timeoutMs + GRACE_MS,
    (error) => ({
      state: 'unknown',
      evidence:
        error === undefined
          ? `${describeTarget(spec)}: no answer within ${timeoutMs} ms`
          : `${describeTarget(spec)}: probe failed: ${describeError(error)}`,
    }),
  );
  const result = judgeObservation(spec, seen);
  return { ...result, evidence: sanitizeEvidence(result.evidence) };
}
