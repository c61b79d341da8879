// `check --json`: one document. `entry` names the KB entry for warnings and failures; `fix` is
// that entry's first fix, for failures, when the entry is in the KB.
import type { RuleSet } from '../kb/types.js';
import type { FilledFix } from '../diagnose/types.js';
import type { CheckResult } from './types.js';
import type { CheckSummary } from './summarize-checks.js';
import { findEntryFix } from './find-entry-fix.js';

export interface CheckJsonItem extends CheckResult {
  fix?: FilledFix;
}

export interface CheckJson {
  checks: CheckJsonItem[];
  summary: CheckSummary;
}

export function toCheckJson(
  results: readonly CheckResult[],
  summary: CheckSummary,
  ruleSet: RuleSet,
  captures: Readonly<Record<string, string>> = {},
): CheckJson {
  const checks = results.map((result): CheckJsonItem => {
    const fix =
      result.status === 'fail' && result.entry !== undefined
        ? findEntryFix(ruleSet, result.entry, captures)
        : undefined;
    return fix === undefined ? result : { ...result, fix };
  });
  return { checks, summary };
}

export function renderCheckJson(
  results: readonly CheckResult[],
  summary: CheckSummary,
  ruleSet: RuleSet,
  captures: Readonly<Record<string, string>> = {},
): string {
  return JSON.stringify(toCheckJson(results, summary, ruleSet, captures)) + '\n';
}
