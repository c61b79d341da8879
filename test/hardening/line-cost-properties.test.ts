// Every per-line path is bounded (issue 14): a line costs at most LINE_BUDGET_MS through pipe mode's
// whole pipeline (scanner, looks-like-error, normalisation, unwrapping, the matcher, and the guess
// path for a line no signature matches), whatever its length up to the 64 KiB cut, its words and
// its repetitions. The lines are error-looking on purpose, so that each one takes the guess path.
// Wall-clock times on a shared machine are noisy: the budget is generous (today a 64 KiB line
// costs under 10 ms once the index is built), but a path that grows with the line's length (the
// 18 s of issue 14) is far past it. `npm run bench` has the figures on a whole process.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encode, runPipeline } from './run-pipeline.js';

const SEED = 14_2026;
const LINE_BUDGET_MS = 100;
const MAX_LINE_BYTES = 64 * 1024;

/** a word of a minified blob or a log: letters, digits, punctuation logs are made of */
const word = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_./:=-]{0,24}$/);

/** An error-looking line of up to 64 KiB: many distinct words, or a few repeated, or one long one. */
const longErrorLine = fc
  .tuple(
    fc.constantFrom('error:', 'level=error msg=', 'failed to', 'ERRO[0001]', 'fatal:'),
    fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 400 }).map((words) => words.join(' ')),
      fc.tuple(word, word).map(([a, b]) => `${a} ${b} `.repeat(3000)),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 2000 }),
    ),
    fc.integer({ min: 1, max: 40 }),
  )
  .map(([marker, body, times]) => `${marker} ${body.repeat(times)}`.slice(0, MAX_LINE_BYTES));

async function msFor(line: string): Promise<number> {
  const started = performance.now();
  await runPipeline([encode(`${line}\n`)]);
  return performance.now() - started;
}

describe('no line costs more than a bound', () => {
  beforeAll(async () => {
    // the first guess builds the KB's word index: once per run, not per line
    await msFor('error: warm up the guess index');
  });

  it(`a 64 KiB error-looking line costs at most ${LINE_BUDGET_MS} ms`, async () => {
    const line = `error: ${Array.from({ length: 9000 }, (_, i) => `token${(i * 7919) % 100000}`).join(' ')}`;
    expect(line.length).toBeGreaterThan(MAX_LINE_BYTES);
    expect(await msFor(line.slice(0, MAX_LINE_BYTES))).toBeLessThan(LINE_BUDGET_MS);
  });

  it(`any error-looking line up to 64 KiB costs at most ${LINE_BUDGET_MS} ms`, async () => {
    await fc.assert(
      fc.asyncProperty(longErrorLine, async (line) => {
        expect(await msFor(line)).toBeLessThan(LINE_BUDGET_MS);
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 60_000);
});
