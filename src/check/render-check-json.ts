// `check --json`: one document. `entry` names the KB entry for warnings and failures; `fix` is
// the fix for failures: the one the check chose for this host, or the first fitting fix of the
// entry when the entry is in the KB. `status` is pass, warn, fail, skip (not applicable here) or
// error (the check itself failed).
import type { RuleSet } from '../kb/types.js';
import type { FilledFix } from '../diagnose/types.js';
import type { CheckResult } from './types.js';
import type { CheckSummary } from './summarize-checks.js';
import type { FixContext } from './find-entry-fix.js';
import { chooseFix } from './find-entry-fix.js';

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
  fixContext: FixContext = { captures: {} },
): CheckJson {
  const checks = results.map((result): CheckJsonItem => {
    // the fix goes last, and only the one chosen for a failure
    const item: CheckJsonItem = { ...result };
    delete item.fix;
    const fix = chooseFix(result, ruleSet, fixContext);
    return fix === undefined ? item : { ...item, fix };
  });
  return { checks, summary };
}

export function renderCheckJson(
  results: readonly CheckResult[],
  summary: CheckSummary,
  ruleSet: RuleSet,
  fixContext: FixContext = { captures: {} },
): string {
  return JSON.stringify(toCheckJson(results, summary, ruleSet, fixContext)) + '\n';
}
