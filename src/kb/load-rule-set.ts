// Loads the compiled knowledge base (dist/kb.json) at run time. Cheap on purpose: one file read
// and JSON.parse; no markdown or YAML parser is loaded on this path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULE_SET_FORMAT, type RuleSet } from './types.js';

export const DEFAULT_RULE_SET_PATH = fileURLToPath(new URL('../kb.json', import.meta.url));

export class RuleSetError extends Error {
  override name = 'RuleSetError';
}

export function loadRuleSet(file: string = DEFAULT_RULE_SET_PATH): RuleSet {
  const remedy = 'run `npm run build` to compile the knowledge base';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new RuleSetError(`cannot read knowledge base ${file} (${code}); ${remedy}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RuleSetError(`knowledge base ${file} is not valid JSON; ${remedy}`);
  }
  const ruleSet = data as Partial<RuleSet> | null;
  if (ruleSet?.format !== RULE_SET_FORMAT || !Array.isArray(ruleSet.entries)) {
    const found = typeof ruleSet?.format === 'number' ? `format ${ruleSet.format}` : 'no format';
    throw new RuleSetError(
      `knowledge base ${file} has ${found}, expected format ${RULE_SET_FORMAT}; ${remedy}`,
    );
  }
  return ruleSet as RuleSet;
}
