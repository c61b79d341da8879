// Turns the text of every KB file into one validated RuleSet, collecting every issue (not only the
// first). File access is the caller's (read-kb-dir.ts); this function is data in, data out.
import { compareIssues, type Issue } from './issue.js';
import { parseEntry } from './parse-entry.js';
import { validateEntry, type ValidateOptions } from './validate-entry.js';
import { validateRuleSet } from './validate-rule-set.js';
import { RULE_SET_FORMAT, type RuleSet } from './types.js';

export interface KbFile {
  /** as printed in issues, e.g. `kb/max-user-namespaces-too-low.md` */
  path: string;
  text: string;
}

export interface CompileResult {
  issues: Issue[];
  /** only meaningful when issues is empty */
  ruleSet: RuleSet;
}

export function compileKb(files: readonly KbFile[], options: ValidateOptions): CompileResult {
  const validated = files.map((file) => {
    const id = (file.path.split('/').pop() ?? file.path).replace(/\.md$/, '');
    return validateEntry(parseEntry(file.path, id, file.text), options);
  });
  const issues = [
    ...validated.flatMap((entry) => entry.issues),
    ...validateRuleSet(validated, options.normalize),
  ].sort(compareIssues);
  const entries = validated
    .flatMap((entry) => (entry.compiled ? [entry.compiled] : []))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { issues, ruleSet: { format: RULE_SET_FORMAT, entries } };
}
