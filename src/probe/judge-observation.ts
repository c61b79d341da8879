// Applies a probe's `confirms` condition to what its kind observed, with the semantics documented
// on ProbeCondition (src/kb/types.ts): satisfied → confirmed; read but not satisfied → ruled-out;
// not readable, or not decidable from what was read → unknown. What a probe's verdict means for
// its entry (`otherwise`, `excludes`) is decided by judge-entry.ts.
import type { ProbeCondition, ProbeSpec } from '../kb/types.js';
import type { ProbeResult, Verdict } from './types.js';
import type { Observation } from './types.js';
import { isWithin, parseVersion, parseVersionRange } from '../kb/version-range.js';

type ConditionKey = keyof ProbeCondition;

function conditionKeys(condition: ProbeCondition): ConditionKey[] {
  return (Object.keys(condition) as ConditionKey[]).filter((key) => condition[key] !== undefined);
}

/** The first integer in the value, so `1 0` and `28633\n` both read as numbers. */
export function firstInteger(value: string): number | undefined {
  const match = /-?\d+/.exec(value);
  return match ? Number(match[0]) : undefined;
}

function testPattern(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return undefined;
  }
}

/** true/false when the observation settles the condition, undefined when it cannot. */
function isSatisfied(
  key: ConditionKey,
  condition: ProbeCondition,
  seen: Observation,
): boolean | undefined {
  if (seen.state === 'unknown') return undefined;
  if (key === 'missing') return (seen.state === 'absent') === condition.missing;
  // Absent is a value that satisfies `missing: true` and nothing else.
  if (seen.state === 'absent') return false;
  const value = seen.value;
  switch (key) {
    case 'equals':
      return value.trim() === condition.equals;
    case 'matches':
      return testPattern(condition.matches ?? '', value);
    case 'below':
    case 'above': {
      const number = firstInteger(value);
      if (number === undefined) return undefined;
      return key === 'below' ? number < (condition.below ?? 0) : number > (condition.above ?? 0);
    }
    case 'within': {
      const version = parseVersion(value);
      const range = parseVersionRange(condition.within ?? '');
      return version === undefined || typeof range === 'string'
        ? undefined
        : isWithin(version, range);
    }
    // judged per finding, where the captures are (src/diagnose/judge-captures.ts)
    case 'equals-capture':
    case 'differs-from-capture':
    case 'above-capture':
      return undefined;
    case 'privileged':
    case 'active':
    case 'exit': {
      const fact = seen.facts?.[key];
      return fact === undefined ? undefined : fact === condition[key];
    }
  }
}

export function judgeObservation(spec: ProbeSpec, seen: Observation): ProbeResult {
  const keys = conditionKeys(spec.confirms);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined) {
    const evidence = `probe \`${spec.id}\` needs exactly one condition, has ${keys.length}`;
    return { id: spec.id, verdict: 'unknown', evidence };
  }
  // an absent file says nothing about its content: a condition on what it holds cannot tell
  // (absence is evidence only where the entry asks `missing`)
  const satisfied =
    spec.kind === 'file' && seen.state === 'absent' && key !== 'missing'
      ? undefined
      : isSatisfied(key, spec.confirms, seen);
  let verdict: Verdict = 'unknown';
  if (satisfied === true) verdict = 'confirmed';
  // what `otherwise: unknown` means for the entry is judge-entry's business: here, what was seen
  if (satisfied === false) verdict = 'ruled-out';
  const observed = key.endsWith('-capture') && seen.state === 'present' ? seen.value : undefined;
  return {
    id: spec.id,
    verdict,
    evidence: seen.evidence,
    ...(observed === undefined ? {} : { observed }),
  };
}
