// Loads the compiled knowledge base (dist/kb.json) at run time. Cheap on purpose: one file read
// and JSON.parse; no markdown or YAML parser is loaded on this path. Where the file is, src/cli.ts
// knows: this module is bundled into dist/cli.js, so a path relative to it would mislead.
import { readFileSync } from 'node:fs';
import { RULE_SET_FORMAT, type RuleSet } from './types.js';

export class RuleSetError extends Error {
  override name = 'RuleSetError';
}

const remedy = 'run `npm run build` to compile the knowledge base';

export function loadRuleSet(file: string): RuleSet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new RuleSetError(`cannot read knowledge base ${file} (${code}); ${remedy}`);
  }
  return parseRuleSet(text, file);
}

/** `text` is a compiled KB's JSON, `file` where it came from, for messages. */
export function parseRuleSet(text: string, file: string): RuleSet {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new RuleSetError(`knowledge base ${file} is not valid JSON; ${remedy}`);
  }
  const ruleSet = data as Partial<RuleSet> | null;
  if (ruleSet?.format !== RULE_SET_FORMAT) {
    const found = typeof ruleSet?.format === 'number' ? `format ${ruleSet.format}` : 'no format';
    throw new RuleSetError(
      `knowledge base ${file} has ${found}, expected format ${RULE_SET_FORMAT}; ${remedy}`,
    );
  }
  const problem = Array.isArray(ruleSet.entries)
    ? ruleSet.entries.map(entryProblem).find((found) => found !== undefined)
    : 'it has no list of entries';
  if (problem !== undefined) {
    throw new RuleSetError(`knowledge base ${file} is damaged: ${problem}; ${remedy}`);
  }
  return ruleSet as RuleSet;
}

const TEXT_FIELDS = ['id', 'title', 'summary', 'cause', 'fix'];
const LIST_FIELDS = [
  'tags',
  'keywords',
  'symptoms',
  'signatures',
  'sharesWith',
  'probes',
  'fixes',
  'links',
];
const ONE_OF: Record<string, readonly string[]> = {
  severity: ['error', 'warning', 'info'],
  role: ['cause', 'consequence', 'benign'],
};

/**
 * The shape the commands rely on, checked field by field, so that a hand-edited or truncated file
 * fails here with its name instead of deep in the matcher. What the compiler validated in depth
 * (probe specs, examples) is only checked to be there.
 */
function entryProblem(entry: unknown, index: number): string | undefined {
  if (!isRecord(entry)) return `entry ${index + 1} is not an object`;
  const name = typeof entry.id === 'string' ? `entry \`${entry.id}\`` : `entry ${index + 1}`;
  const field = TEXT_FIELDS.find((key) => typeof entry[key] !== 'string');
  if (field !== undefined) return `${name} has no text \`${field}\``;
  const list = LIST_FIELDS.find((key) => !Array.isArray(entry[key]));
  if (list !== undefined) return `${name} has no list \`${list}\``;
  const choice = Object.keys(ONE_OF).find((key) => !ONE_OF[key]!.includes(String(entry[key])));
  if (choice !== undefined) return `${name} has an unknown \`${choice}\``;
  if (!isRecord(entry.captures) || !Object.values(entry.captures).every(isString)) {
    return `${name} has no map \`captures\``;
  }
  if (!isRecord(entry.examples)) return `${name} has no \`examples\``;
  const signatures = entry.signatures as unknown[];
  const signature = signatures.findIndex((item) => signatureProblem(item) !== undefined);
  if (signature >= 0) {
    return `${name}, signature ${signature + 1}: ${signatureProblem(signatures[signature])}`;
  }
  const fix = (entry.fixes as unknown[]).findIndex((item) => !isFix(item));
  if (fix >= 0) return `${name}, fix ${fix + 1} is not a fix`;
  return undefined;
}

function signatureProblem(signature: unknown): string | undefined {
  if (!isRecord(signature) || !isString(signature.regex)) return 'no regex';
  if (!isString(signature.literal) || signature.literal === '') return 'no literal';
  try {
    new RegExp(signature.regex);
  } catch {
    return `the regex \`${signature.regex.slice(0, 60)}\` does not compile`;
  }
  return undefined;
}

function isFix(fix: unknown): boolean {
  return (
    isRecord(fix) &&
    isString(fix.text) &&
    typeof fix.root === 'boolean' &&
    (fix.command === undefined || isString(fix.command))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
