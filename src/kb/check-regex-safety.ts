// Judges each signature for catastrophic backtracking at build/lint time (never in pipe mode):
// first a fast structural screen (check-regex-structure.ts), then recheck's analysis with a short
// time limit. Exponential blow-up, or polynomial of degree 3 or more, is refused. Quadratic is
// accepted because the matcher runs a signature only on lines holding its literal and on a bounded
// prefix of each line. recheck's answers are cached on disk, since the analysis of some regexes
// takes its whole time limit and the KB has hundreds.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import { structuralProblem } from './check-regex-structure.js';

export type Safety = { safe: true } | { safe: false; reason: string };

const ANALYSIS_TIMEOUT_MS = 500;
const CACHE_FILE = path.resolve(
  import.meta.dirname,
  '../../node_modules/.cache/rootless-doctor/regex-safety-v1.json',
);
let cache: Record<string, Safety> | undefined;

export function checkRegexSafety(source: string): Safety {
  const structural = structuralProblem(source);
  if (structural) return unsafe(`Unexpected ${structural}, expected a regex without nested or overlapping quantifiers`);
  cache ??= readCache();
  const known = cache[source];
  if (known) return known;
  const result = analyse(source);
  cache[source] = result;
  writeCache(cache);
  return result;
}

function analyse(source: string): Safety {
  const diagnostics = checkSync(source, '', { timeout: ANALYSIS_TIMEOUT_MS });
  if (diagnostics.status !== 'vulnerable') return { safe: true };
  const complexity = diagnostics.complexity;
  if (complexity.type === 'polynomial' && complexity.degree < 3) return { safe: true };
  const attack = diagnostics.attack.pattern;
  const kind = complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${complexity.degree})`;
  return unsafe(
    `Unexpected ${kind} backtracking in \`${source}\` (attack: ${attack.slice(0, 60)}), expected a regex without nested or overlapping quantifiers`,
  );
}

function unsafe(reason: string): Safety {
  return { safe: false, reason };
}

function readCache(): Record<string, Safety> {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, Safety>;
  } catch {
    return {};
  }
}

function writeCache(data: Record<string, Safety>): void {
  try {
    mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(data));
  } catch {
    // a read-only install still lints, only slower
  }
}
