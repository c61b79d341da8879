// Counts per status, and what they mean for the exit code: only a failing check is a finding;
// warnings, checks that do not apply here and checks that errored say nothing is known to be broken.
import type { ExitCode } from '../exit-codes.js';
import { ExitCode as ExitCodes } from '../exit-codes.js';
import type { CheckResult } from './types.js';

export interface CheckSummary {
  total: number;
  pass: number;
  warn: number;
  fail: number;
  skip: number;
  error: number;
}

export function summarizeChecks(results: readonly CheckResult[]): CheckSummary {
  const summary: CheckSummary = {
    total: results.length,
    pass: 0,
    warn: 0,
    fail: 0,
    skip: 0,
    error: 0,
  };
  for (const result of results) summary[result.status] += 1;
  return summary;
}

export function checkExitCode(summary: CheckSummary): ExitCode {
  return summary.fail > 0 ? ExitCodes.found : ExitCodes.ok;
}
