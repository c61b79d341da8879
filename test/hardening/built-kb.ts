// The knowledge base as pipe mode loads it: dist/kb.json, built by `npm run build` before the
// tests run. Hardening tests use the real entries and their own match examples as inputs.
import path from 'node:path';
import { loadRuleSet } from '../../src/kb/load-rule-set.js';
import type { CompiledEntry, RuleSet } from '../../src/kb/types.js';

export const PROJECT_DIR = path.resolve(import.meta.dirname, '../..');
export const DIST_DIR = path.join(PROJECT_DIR, 'dist');
export const KB_FILE = path.join(DIST_DIR, 'kb.json');

let cached: RuleSet | undefined;

export function builtRuleSet(): RuleSet {
  cached ??= loadRuleSet(KB_FILE);
  return cached;
}

export interface KbExample {
  entry: CompiledEntry;
  text: string;
  captures: Record<string, string> | undefined;
}

/** Every match example of every entry, in KB order. */
export function kbExamples(): KbExample[] {
  return builtRuleSet().entries.flatMap((entry) =>
    entry.examples.match.map((example) => ({
      entry,
      text: example.text,
      captures: example.captures,
    })),
  );
}
