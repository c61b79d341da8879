import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildLiteralAutomaton, LiteralAutomaton } from '../../src/match/literal-automaton.js';

/** Every literal id that ends somewhere in `text`, by running the table the way the scanner does. */
function findLiterals(automaton: LiteralAutomaton, text: string): Set<number> {
  const { classes, delta, firstPlainRow, classCount, outputStart, outputs } = automaton;
  const found = new Set<number>();
  let row = automaton.startRow;
  for (const byte of new TextEncoder().encode(text)) {
    const cls = classes[byte]!;
    if (cls === 0) continue;
    const next = delta[row + cls]!;
    row = next === 0 ? automaton.fill(row, cls) : next;
    if (row >= firstPlainRow) continue;
    const k = row / classCount - 1;
    for (let o = outputStart[k]!; o < outputStart[k + 1]!; o++) found.add(outputs[o]!);
  }
  return found;
}

function naive(literals: readonly string[], text: string): Set<number> {
  const folded = text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[\n\r\x1b]/g, '');
  return new Set(
    literals.flatMap((literal, id) =>
      folded.includes(literal.replace(/[A-Z]/g, (c) => c.toLowerCase())) ? [id] : [],
    ),
  );
}

describe('buildLiteralAutomaton', () => {
  test('finds overlapping literals and literals that are suffixes of others', () => {
    const automaton = buildLiteralAutomaton(['he', 'she', 'his', 'hers']);
    expect([...findLiterals(automaton, 'ushers')].sort()).toEqual([0, 1, 3]);
  });

  test('folds ASCII case on both sides, and only ASCII', () => {
    const automaton = buildLiteralAutomaton(['No Space Left', 'É']);
    expect(findLiterals(automaton, 'NO SPACE LEFT on device')).toEqual(new Set([0]));
    expect(findLiterals(automaton, 'é')).toEqual(new Set());
    expect(findLiterals(automaton, 'É')).toEqual(new Set([1]));
  });

  test('keeps the table small: one class per distinct literal byte, plus "other" and "scanner"', () => {
    const automaton = buildLiteralAutomaton(['abc', 'ABD']);
    expect(automaton.classCount).toBe(6);
    expect(automaton.classes['\n'.charCodeAt(0)]).toBe(0);
    expect(automaton.classes['\t'.charCodeAt(0)]).toBe(1);
  });

  test('refuses an empty literal', () => {
    expect(() => buildLiteralAutomaton(['\r'])).toThrow('Cannot scan for the empty literal');
  });

  test('agrees with a naive substring search', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', 'c', ' ', '/');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 8, selector: (w) => w.toLowerCase() }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (literals, text) => {
          expect(findLiterals(buildLiteralAutomaton(literals), text)).toEqual(
            naive(literals, text),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('LiteralAutomaton.fill on damaged parts', () => {
  test('stops following failure links that form a cycle instead of looping', () => {
    const { parts } = buildLiteralAutomaton(['abc', 'bcd', 'cde']);
    // every state but the root fails to itself: a sound table never does (a link leads shallower)
    const fail = Int32Array.from(parts.fail, (_, state) => state);
    const forged = new LiteralAutomaton({ ...parts, fail });
    const z = forged.classes['z'.charCodeAt(0)]!;
    const deepest = parts.rowOf[parts.stateCount - 1]!;
    expect(forged.fill(deepest, z)).toBe(parts.rowOf[0]);
  });
});
