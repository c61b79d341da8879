// `check --json`: one document. `entry` names the KB entry for warnings and failures; `fix` is
// that entry's first fix, for failures, when the entry is in the KB.
import type { Fix, RuleSet } from '../kb/types.js';
import type { CheckResult } from './types.js';
import type { CheckSummary } from './summarize-checks.js';
import { findEntryFix } from './find-entry-fix.js';

export interface CheckJsonItem extends CheckResult {
  fix?: Fix;
}

export interface CheckJson {
  checks: CheckJsonItem[];
  summary: CheckSummary;
}

export function toCheckJson(
  results: readonly CheckResult[],
  summary: CheckSummary,
  ruleSet: RuleSet,
): CheckJson {
  const checks = results.map((result): CheckJsonItem => {
    const fix =
      result.status === 'fail' && result.entry !== undefined
        ? findEntryFix(ruleSet, result.entry)
        : undefined;
    return fix === undefined ? result : { ...result, fix };
  });
  return { checks, summary };
}

export function renderCheckJson(
  results: readonly CheckResult[],
  summary: CheckSummary,
  ruleSet: RuleSet,
): string {
  return JSON.stringify(toCheckJson(results, summary, ruleSet)) + '\n';
}
