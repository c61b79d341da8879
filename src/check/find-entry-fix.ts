// The first fix of a KB entry, looked up by id. Check results name entries by id only, so a check
// keeps working (and still names its entry) while that entry is missing from the KB. `check` reads
// no log, so the only values a fix's `{{user}}` / `{{uid}}` can take are the host's own, filled in
// the same validated, shell-quoted way as captures in pipe mode.
import type { RuleSet } from '../kb/types.js';
import type { FilledFix } from '../diagnose/types.js';
import type { HostUser } from '../probe/host.js';
import { COMMON_CAPTURE_PATTERNS } from '../kb/capture-patterns.js';
import { fillFix } from '../diagnose/fill-fix.js';

export function hostCaptures(user: HostUser): Record<string, string> {
  const captures: Record<string, string> = {};
  if (user.name !== undefined) captures.user = user.name;
  if (user.uid !== undefined) captures.uid = String(user.uid);
  return captures;
}

export function findEntryFix(
  ruleSet: RuleSet,
  entryId: string,
  captures: Readonly<Record<string, string>> = {},
): FilledFix | undefined {
  const entry = ruleSet.entries.find((candidate) => candidate.id === entryId);
  const fix = entry?.fixes[0];
  if (entry === undefined || fix === undefined) return undefined;
  return fillFix(fix, captures, { ...COMMON_CAPTURE_PATTERNS, ...entry.captures });
}
