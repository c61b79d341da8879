// Runs the checks concurrently, each isolated and bounded: a check that throws becomes an `error`
// line, one that hangs a `warn` at its bound, and the others still report. Results keep the
// list's order whatever order they finish in.
import type { Host } from '../probe/host.js';
import type { Check, CheckOutcome, CheckResult, CheckStatus } from './types.js';
import { settleWithin } from '../probe/run-probe.js';
import { sanitizeEvidence } from '../probe/sanitize-evidence.js';

export interface RunChecksOptions {
  /** bound for one whole check */
  checkTimeoutMs: number;
  /** bound for each command inside a check */
  commandTimeoutMs: number;
}

export const DEFAULT_RUN_CHECKS_OPTIONS: RunChecksOptions = {
  checkTimeoutMs: 1500,
  commandTimeoutMs: 1000,
};

type Settled = CheckOutcome | { status: 'error'; evidence: string };

async function runOne(check: Check, host: Host, options: RunChecksOptions): Promise<CheckResult> {
  const settled = await settleWithin<Settled>(
    () => check.run({ host, commandTimeoutMs: options.commandTimeoutMs }),
    options.checkTimeoutMs,
    (error) =>
      error === undefined
        ? { status: 'warn', evidence: `no answer within ${options.checkTimeoutMs} ms` }
        : {
            status: 'error',
            evidence: `check failed: ${error instanceof Error ? error.message : String(error)}`,
          },
  );
  const status: CheckStatus = settled.status;
  const entry = 'entry' in settled && settled.entry !== undefined ? settled.entry : check.entry;
  const result: CheckResult = {
    id: check.id,
    label: check.label,
    status,
    evidence: sanitizeEvidence(settled.evidence),
  };
  return status === 'warn' || status === 'fail' ? { ...result, entry } : result;
}

export function runChecks(
  checks: readonly Check[],
  host: Host,
  options: RunChecksOptions = DEFAULT_RUN_CHECKS_OPTIONS,
): Promise<CheckResult[]> {
  return Promise.all(checks.map((check) => runOne(check, host, options)));
}
