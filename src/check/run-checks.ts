// Runs the checks concurrently, each isolated and bounded: a check that does not apply here is
// skipped with its reason, one that throws becomes an `error` line, one that hangs a `warn` at its
// bound, and the others still report. Results keep the list's order whatever order they finish in.
import type { Check, CheckContext, CheckOutcome, CheckResult, CheckStatus } from './types.js';
import { settleWithin } from '../probe/run-probe.js';
import { sanitizeEvidence } from '../probe/sanitize-evidence.js';
import { whyNotApplicable } from './applicability.js';

export interface RunChecksOptions {
  /** bound for one whole check (each command inside it is bounded by the context) */
  checkTimeoutMs: number;
}

export const DEFAULT_RUN_CHECKS_OPTIONS: RunChecksOptions = { checkTimeoutMs: 1500 };

type Settled = CheckOutcome | { status: 'error'; evidence: string };

async function runOne(
  check: Check,
  context: CheckContext,
  options: RunChecksOptions,
): Promise<CheckResult> {
  const reason = whyNotApplicable(check, context);
  if (reason !== undefined)
    return { id: check.id, label: check.label, status: 'skip', evidence: sanitizeEvidence(reason) };
  const settled = await settleWithin<Settled>(
    () => check.run(context),
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
  if (status !== 'warn' && status !== 'fail') return result;
  const fix = status === 'fail' && 'fix' in settled ? settled.fix : undefined;
  return fix === undefined ? { ...result, entry } : { ...result, entry, fix };
}

export function runChecks(
  checks: readonly Check[],
  context: CheckContext,
  options: RunChecksOptions = DEFAULT_RUN_CHECKS_OPTIONS,
): Promise<CheckResult[]> {
  return Promise.all(checks.map((check) => runOne(check, context, options)));
}
