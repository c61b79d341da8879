// The first fix of a KB entry, looked up by id. Check results name entries by id only, so a
// check keeps working (and still names its entry) while that entry is missing from the KB.
import type { Fix, RuleSet } from '../kb/types.js';

export function findEntryFix(ruleSet: RuleSet, entryId: string): Fix | undefined {
  return ruleSet.entries.find((entry) => entry.id === entryId)?.fixes[0];
}
