// The prefilter precomputed at build time (dist/kb.json's `prefilter`) against the one built at
// start-up: the same arrays, the same matches on every fixture log, and a fallback to building
// whenever the stored tables are missing, stale, damaged or of another format.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PrecomputedPrefilter } from '../../src/kb/types.js';
import { ERROR_TRIGGER_LITERALS } from '../../src/match/looks-like-error.js';
import { compileSignatures } from '../../src/match/match-line.js';
import { buildPrefilter, type Prefilter } from '../../src/match/prefilter.js';
import {
  decodePrefilterTables,
  encodePrefilterTables,
  PREFILTER_TABLES_FORMAT,
  prefilterKey,
} from '../../src/match/prefilter-tables.js';
import { VERSION_FACT_LITERALS } from '../../src/match/read-log-versions.js';
import {
  compileMatcher,
  precomputePrefilter,
  StreamMatcher,
  type Matcher,
} from '../../src/match/stream-matcher.js';
import { builtRuleSet } from '../hardening/built-kb.js';

const LOGS = path.resolve(import.meta.dirname, '../fixtures/logs');
const entries = builtRuleSet().entries;
const literals = compileSignatures(entries).literals;
const key = prefilterKey(literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS);
const fresh = (): Prefilter =>
  buildPrefilter(literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS);

/** Everything a prefilter holds, as plain arrays (the lazily filled `delta` left out). */
function contents(prefilter: Prefilter) {
  const { parts } = prefilter.automaton;
  return {
    parts: Object.fromEntries(
      Object.entries(parts).map(([name, value]) => [
        name,
        typeof value === 'number' ? value : Array.from(value),
      ]),
    ),
    startRow: prefilter.automaton.startRow,
    deltaLength: prefilter.automaton.delta.length,
    signatureStart: Array.from(prefilter.signatureStart),
    signatureIds: Array.from(prefilter.signatureIds),
    isTrigger: Array.from(prefilter.isTrigger),
    isFact: Array.from(prefilter.isFact),
    signatureCount: prefilter.signatureCount,
  };
}

/** Every event a StreamMatcher reports on `text`, fed in chunks of `chunk` bytes. */
function events(matcher: Matcher, text: string, chunk: number): string[] {
  const seen: string[] = [];
  const stream = new StreamMatcher(matcher, {
    onMatch: (match) => seen.push(`match ${JSON.stringify(match)}`),
    onUnmatchedError: (line, lineText) => seen.push(`error ${line} ${lineText}`),
    onCutLine: (line) => seen.push(`cut ${line}`),
    onVersion: (version) => seen.push(`version ${JSON.stringify(version)}`),
  });
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += chunk) stream.push(bytes.subarray(at, at + chunk));
  stream.end();
  return seen;
}

describe('the prefilter stored in dist/kb.json', () => {
  test('is there, for exactly the built entries, and holds what building it gives', () => {
    const stored = builtRuleSet().prefilter;
    expect(stored?.format).toBe(PREFILTER_TABLES_FORMAT);
    expect(stored?.key).toBe(key);
    const restored = decodePrefilterTables(stored, key);
    expect(restored).toBeDefined();
    expect(contents(restored!)).toEqual(contents(fresh()));
  });

  const logs = readdirSync(LOGS).filter((name) => name.endsWith('.log'));
  test('there are fixture logs to compare on, 30 and more with matches', () => {
    const matcher = compileMatcher(entries, builtRuleSet().prefilter);
    const matching = logs.filter((name) =>
      events(matcher, readFileSync(path.join(LOGS, name), 'utf8'), 4096).some((event) =>
        event.startsWith('match '),
      ),
    );
    expect(logs.length).toBeGreaterThan(30);
    expect(matching.length).toBeGreaterThanOrEqual(30);
  });

  test.each(logs)('finds what the freshly built one finds on %s', (name) => {
    const text = readFileSync(path.join(LOGS, name), 'utf8');
    const stored = compileMatcher(entries, builtRuleSet().prefilter);
    const built = compileMatcher(entries);
    expect(stored.prefilter.automaton.parts).not.toBe(built.prefilter.automaton.parts);
    const expected = events(built, text, 4096);
    expect(events(stored, text, 4096)).toEqual(expected);
    // small chunks fill the lazy transition tables in another order (and flush held error lines
    // at other points, so the events are compared with the built one's on the same chunks)
    const small = compileMatcher(entries, builtRuleSet().prefilter);
    expect(events(small, text, 7)).toEqual(events(compileMatcher(entries), text, 7));
  });
});

describe('decodePrefilterTables', () => {
  const tables = precomputePrefilter(entries)!;

  test('round-trips what encodePrefilterTables stored', () => {
    expect(contents(decodePrefilterTables(encodePrefilterTables(fresh(), key), key)!)).toEqual(
      contents(fresh()),
    );
  });

  const damaged: [string, (tables: PrecomputedPrefilter) => unknown][] = [
    ['absent', () => undefined],
    ['not an object', () => 'tables'],
    ['of another format', (t) => ({ ...t, format: PREFILTER_TABLES_FORMAT + 1 })],
    ['with a damaged byte', (t) => ({ ...t, data: flipOneCharacter(t.data) })],
    ['truncated', (t) => ({ ...t, data: t.data.slice(0, -8) })],
    ['with a wrong checksum', (t) => ({ ...t, checksum: (t.checksum + 1) >>> 0 })],
    ['with sections of other lengths', (t) => ({ ...t, lengths: swapFirstTwo(t.lengths) })],
    ['with a missing section length', (t) => ({ ...t, lengths: t.lengths.slice(1) })],
    ['with another state count', (t) => ({ ...t, stateCount: t.stateCount - 1 })],
    ['with a negative class count', (t) => ({ ...t, classCount: -62 })],
    ['with data that is not a string', (t) => ({ ...t, data: 42 })],
  ];

  test.each(damaged)('ignores tables %s', (_, damage) => {
    expect(decodePrefilterTables(damage(tables) as PrecomputedPrefilter, key)).toBeUndefined();
  });

  test('ignores tables built from other literals, or with other trigger or fact words', () => {
    const others = [
      prefilterKey([...literals, 'one more'], ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS),
      prefilterKey(literals.slice(1), ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS),
      prefilterKey(literals, [...ERROR_TRIGGER_LITERALS, 'oops'], VERSION_FACT_LITERALS),
      prefilterKey(literals, ERROR_TRIGGER_LITERALS, []),
    ];
    for (const other of others) expect(decodePrefilterTables(tables, other)).toBeUndefined();
  });

  test('an undamaged copy is accepted (the cases above fail for their damage alone)', () => {
    expect(decodePrefilterTables(structuredClone(tables), key)).toBeDefined();
  });
});

describe('compileMatcher falls back to building the prefilter', () => {
  test('when the stored tables belong to other entries', () => {
    const fewer = entries.slice(1);
    const matcher = compileMatcher(fewer, builtRuleSet().prefilter);
    const fewerLiterals = compileSignatures(fewer).literals;
    expect(contents(matcher.prefilter)).toEqual(
      contents(buildPrefilter(fewerLiterals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS)),
    );
    expect(matcher.prefilter.signatureCount).toBe(fewerLiterals.length);
  });

  test('when there are none, with the same result as with them', () => {
    const line = entries[0]!.examples.match[0]!.text;
    const without = compileMatcher(entries);
    const withTables = compileMatcher(entries, builtRuleSet().prefilter);
    const expected = events(without, `${line}\n`, 64);
    expect(expected.some((event) => event.startsWith('match {"entryIndex":0,'))).toBe(true);
    expect(events(withTables, `${line}\n`, 64)).toEqual(expected);
  });
});

function flipOneCharacter(base64: string): string {
  const at = Math.floor(base64.length / 2);
  return base64.slice(0, at) + (base64[at] === 'A' ? 'B' : 'A') + base64.slice(at + 1);
}

function swapFirstTwo(lengths: number[]): number[] {
  return [lengths[1]!, lengths[0]!, ...lengths.slice(2)];
}
