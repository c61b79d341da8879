// Runs one KB probe against a host: its kind looks, judge-observation decides. Whatever happens
// inside (a host call that throws, a read that hangs on a dead NFS home) ends as `unknown` with a
// reason, within the time bound: one bad probe must not take a diagnosis down with it.
import type { ProbeSpec } from '../kb/types.js';
import type { ProbeResult } from '../diagnose/types.js';
import type { Host } from './host.js';
import type { Observation, ProbeOptions } from './types.js';
import { DEFAULT_PROBE_TIMEOUT_MS } from './types.js';
import { judgeObservation } from './judge-observation.js';
import { sanitizeEvidence } from './sanitize-evidence.js';
import { observeSysctl } from './kinds/sysctl.js';
import { observeFile } from './kinds/file.js';
import { observeSubid } from './kinds/subid.js';
import { observeBinary } from './kinds/binary.js';
import { observeEnv } from './kinds/env.js';
import { observeCommand, showArgv } from './kinds/command.js';
import { observeService, serviceArgv } from './kinds/service.js';
import { observeVersion, versionArgv } from './kinds/version.js';

function observe(spec: ProbeSpec, host: Host, options: ProbeOptions): Promise<Observation> {
  switch (spec.kind) {
    case 'sysctl':
      return observeSysctl(spec, host);
    case 'file':
      return observeFile(spec, host);
    case 'subid':
      return observeSubid(spec, host);
    case 'binary':
      return observeBinary(spec, host, options);
    case 'env':
      return observeEnv(spec, host);
    case 'command':
      return observeCommand(spec, host, options);
    case 'service':
      return observeService(spec, host, options);
    case 'version':
      return observeVersion(spec, host, options);
    default: {
      const kind: string = (spec as { kind: string }).kind;
      return Promise.resolve({ state: 'unknown', evidence: `unknown probe kind \`${kind}\`` });
    }
  }
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
  switch (spec.kind) {
    case 'sysctl':
      return spec.key;
    case 'file':
      return spec.path;
    case 'subid':
      return spec.file;
    case 'binary':
    case 'env':
      return spec.name;
    case 'command':
      return showArgv(spec.argv);
    case 'service':
      return showArgv(serviceArgv(spec));
    case 'version':
      return showArgv(versionArgv(spec));
    default:
      return `probe \`${(spec as { id: string }).id}\``;
  }
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
