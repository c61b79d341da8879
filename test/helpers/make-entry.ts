// Small hand-made KB entries for unit tests: only what a test states differs from the defaults.
import type { CompiledEntry, CompiledSignature, RuleSet } from '../../src/kb/types.js';

export interface EntryOverrides extends Partial<Omit<CompiledEntry, 'signatures'>> {
  id: string;
  /** regex sources, or full signatures; a missing literal is the longest plain run of the regex */
  signatures: (string | (Partial<CompiledSignature> & { regex: string }))[];
}

export function makeEntry(overrides: EntryOverrides): CompiledEntry {
  const { signatures, ...rest } = overrides;
  return {
    title: `Title of ${overrides.id}`,
    summary: `Summary of ${overrides.id}.`,
    severity: 'error',
    role: 'cause',
    tags: [],
    keywords: [],
    captures: {},
    sharesWith: [],
    affects: {},
    symptoms: [],
    probes: [],
    fixes: [],
    examples: { match: [], noMatch: [] },
    links: [],
    cause: '',
    fix: '',
    ...rest,
    signatures: signatures.map((signature) => makeSignature(signature)),
  };
}

function makeSignature(
  signature: string | (Partial<CompiledSignature> & { regex: string }),
): CompiledSignature {
  const given: Partial<CompiledSignature> & { regex: string } =
    typeof signature === 'string' ? { regex: signature } : signature;
  const regex = given.regex;
  const literal = given.literal ?? longestPlainRun(regex);
  return { literal, ere: regex, specificity: literal.length, ...given };
}

/** Good enough for test regexes: the longest run without regex syntax, quotes or backslashes. */
function longestPlainRun(regex: string): string {
  const runs = regex.split(/\(\?<\w+>[^)]*\)|[\\[\](){}|?*+^$."]/);
  return runs.reduce((best, run) => (run.length > best.length ? run : best), '');
}

export function makeRuleSet(entries: CompiledEntry[]): RuleSet {
  return { format: 2, entries };
}
