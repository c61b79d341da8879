// Judges each signature for catastrophic backtracking at build/lint time (never in pipe mode):
// first a fast structural screen (check-regex-structure.ts), then recheck's analysis with a short
// time limit. Exponential blow-up, or polynomial of degree 3 or more, is refused. Quadratic is
// accepted because the matcher runs a signature only on lines holding its literal and on a bounded
// prefix of each line. recheck's answers are cached (regex-safety-cache.ts), since the analysis of
// some regexes takes its whole time limit and the KB has hundreds.
import { createRequire } from 'node:module';
import type * as Recheck from 'recheck';
import { structuralProblem } from './check-regex-structure.js';
import {
  COMMITTED_CACHE_FILE,
  formatCache,
  readCacheFile,
  regexKey,
  userCacheFile,
  writeCacheFile,
  type RegexKey,
  type Safety,
} from './regex-safety-cache.js';

export type { Safety } from './regex-safety-cache.js';

/** Bump when the judgement below changes (time limit, accepted degree): old answers then count for nothing. */
const CHECKER_VERSION = 1;
const ANALYSIS_TIMEOUT_MS = 500;

// recheck is an authoring dependency (not installed with the package): loaded on the first regex
// that no cache knows, through require so that the synchronous compiler can call it.
const require = createRequire(import.meta.url);

/** The analyser that cached answers must come from: recheck's installed version and ours. */
export function analyserVersion(): string {
  const { version } = require('recheck/package.json') as { version: string };
  return `recheck ${version}, check-regex-safety ${CHECKER_VERSION}`;
}

export interface SafetyChecker {
  check(source: string): Safety;
  /** every regex checked so far with its answer (the build writes exactly these) */
  readonly seen: ReadonlyMap<RegexKey, Safety>;
  /** how many regexes no cache knew */
  readonly analysed: number;
}

export interface SafetyCheckerOptions {
  /** answers to trust, looked up in order */
  known: readonly ReadonlyMap<RegexKey, Safety>[];
  /** called after each regex no cache knew, with the running count */
  onAnalysed?: (count: number) => void;
}

export function createSafetyChecker(options: SafetyCheckerOptions): SafetyChecker {
  const seen = new Map<RegexKey, Safety>();
  let analysed = 0;
  return {
    seen,
    get analysed() {
      return analysed;
    },
    check(source) {
      const structural = structuralProblem(source);
      if (structural) {
        return unsafe(`Unexpected ${structural}, expected a regex without nested or overlapping quantifiers`);
      }
      const key = regexKey(source);
      const known = seen.get(key) ?? options.known.map((cache) => cache.get(key)).find(Boolean);
      const result = known ?? analyse(source);
      seen.set(key, result);
      if (!known) {
        analysed += 1;
        options.onAnalysed?.(analysed);
      }
      return result;
    },
  };
}

let fallback: ReturnType<typeof createUserSafetyChecker> | undefined;

/**
 * For callers that bring no checker (tests, the docs importer): the committed cache and the user's
 * cache are read, and what is analysed is added to the user's cache.
 */
export function checkRegexSafety(source: string): Safety {
  fallback ??= createUserSafetyChecker(process.env);
  const before = fallback.checker.analysed;
  const result = fallback.checker.check(source);
  if (fallback.checker.analysed > before) fallback.save();
  return result;
}

/**
 * What `kb lint` uses: the committed cache and the user's cache are read; `save` adds what was
 * analysed to the user's cache (false when there is none, or it is not writable).
 */
export function createUserSafetyChecker(
  env: Readonly<Record<string, string | undefined>>,
  onAnalysed?: (count: number) => void,
): { checker: SafetyChecker; cacheFile: string | undefined; save(): boolean } {
  const analyser = analyserVersion();
  const cacheFile = userCacheFile(env);
  const user = cacheFile ? readCacheFile(cacheFile, analyser) : new Map<RegexKey, Safety>();
  const save = (): boolean => {
    for (const [key, safety] of checker.seen) user.set(key, safety);
    // bounded: answers this run did not need go first
    for (const key of user.keys()) {
      if (user.size <= USER_CACHE_LIMIT) break;
      if (!checker.seen.has(key)) user.delete(key);
    }
    return cacheFile !== undefined && writeCacheFile(cacheFile, formatCache(analyser, user));
  };
  const checker = createSafetyChecker({
    known: [readCacheFile(COMMITTED_CACHE_FILE, analyser), user],
    onAnalysed: (count) => {
      onAnalysed?.(count);
      // now and then, so that an interrupted first run keeps most of its work
      if (count % SAVE_EVERY === 0) save();
    },
  });
  return { checker, cacheFile, save };
}

const SAVE_EVERY = 20;
const USER_CACHE_LIMIT = 10_000;

function analyse(source: string): Safety {
  const { checkSync } = require('recheck') as typeof Recheck;
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
