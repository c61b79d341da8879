// The real-world corpus (test/fixtures/real-world): error output copied from public threads, each
// record citing the thread that established its cause. Train records pin the first diagnosis
// exactly; holdout records (a quarter, fixed by a hash of the source) are never used to write
// signatures, so they are judged in aggregate: that figure is how well the KB generalises.
import { beforeAll, describe, expect, test } from 'vitest';
import { diagnoseRecord, loadKb, type Kb } from './diagnose-record.js';
import { readCorpus, readKnownGaps, recordKey, repositoryOf, splitOf } from './read-corpus.js';
import { describeFigures, figuresOf, scoreRecord, type Scored } from './score-corpus.js';

/**
 * Issue 12's targets are train recall >= 95%, holdout >= 70% and at most 2% of negatives
 * diagnosed. The last is met; the first two are not yet, so these are floors that only rise:
 * the known train gaps (each with its reason in known-gaps.tsv) and the holdout recall measured
 * when they were set.
 */
const MAX_TRAIN_GAPS = 35;
const MAX_TRAIN_FALSE_POSITIVES = 0;
const MIN_HOLDOUT_RECALL = 0.45;
const MAX_NEGATIVES_DIAGNOSED = 0.02;
const { records, problems } = readCorpus();
const gaps = readKnownGaps();
const positives = records.filter((record) => record.expect.length > 0);
const negatives = records.filter((record) => record.expect.length === 0);
let kb: Kb;
const scored: Scored[] = [];

beforeAll(async () => {
  kb = await loadKb();
  for (const record of records) {
    scored.push(scoreRecord(record, await diagnoseRecord(kb, record.input)));
  }
}, 60_000);

describe('the corpus', () => {
  test('every record is well formed', () => {
    expect(problems).toEqual([]);
  });

  test('no record repeats another: one source, one input', () => {
    const keys = records.map((record) => `${record.source}\n${record.input.trim()}`);
    const repeated = records.filter((_, index) => keys.indexOf(keys[index]!) !== index);
    expect(repeated.map((record) => record.where)).toEqual([]);
  });

  test('every expected id is an entry of kb/', () => {
    const known = new Set(kb.entries.map((entry) => entry.id));
    const unknown = records.flatMap((record) =>
      record.expect.filter((id) => !known.has(id)).map((id) => `${record.where}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  test('is large and varied: 300 positives, 80 negatives, 40 repositories, no cause above 8%', () => {
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(negatives.length).toBeGreaterThanOrEqual(80);
    expect(
      new Set(records.map((record) => repositoryOf(record.source))).size,
    ).toBeGreaterThanOrEqual(40);
    const perId = new Map<string, number>();
    for (const record of positives) {
      for (const id of new Set(record.expect)) perId.set(id, (perId.get(id) ?? 0) + 1);
    }
    const crowded = [...perId].filter(([, count]) => count > 0.08 * positives.length);
    expect(crowded).toEqual([]);
  });

  test('the holdout is about a quarter, chosen by the hash of the source', () => {
    expect(splitOf('moby/moby#41457')).toBe('train');
    expect(splitOf('rootless-containers/rootlesskit#68')).toBe('train');
    const holdout = records.filter((record) => record.split === 'holdout').length;
    expect(holdout / records.length).toBeGreaterThan(0.15);
    expect(holdout / records.length).toBeLessThan(0.35);
  });
});

describe('train records: the expected cause is diagnosed first, negatives get nothing', () => {
  const train = records.filter((item) => item.split === 'train');

  test('every known gap names a train record', () => {
    const keys = new Set(train.map(recordKey));
    expect([...gaps.keys()].filter((key) => !keys.has(key))).toEqual([]);
  });

  test(`known gaps stay at most ${MAX_TRAIN_GAPS} of the train positives and ${MAX_TRAIN_FALSE_POSITIVES} of the train negatives`, () => {
    const gapped = train.filter((record) => gaps.has(recordKey(record)));
    expect(gapped.filter((record) => record.expect.length > 0).length).toBeLessThanOrEqual(
      MAX_TRAIN_GAPS,
    );
    expect(gapped.filter((record) => record.expect.length === 0).length).toBeLessThanOrEqual(
      MAX_TRAIN_FALSE_POSITIVES,
    );
  });

  for (const record of train) {
    const want = record.expect.length > 0 ? record.expect.join(' | ') : 'no diagnosis';
    const gap = gaps.get(recordKey(record));
    // a known gap is expected to fail (with its reason in the title) until the KB closes it
    (gap ? test.fails : test)(
      `${record.where} (${record.source}): ${want}${gap ? ` [gap: ${gap}]` : ''}`,
      () => {
        const outcome = scored.find((item) => item.record === record)!.outcome;
        if (record.expect.length === 0) expect(outcome.ranked).toEqual([]);
        else expect(record.expect).toContain(outcome.ranked[0]);
      },
    );
  }
});

describe('holdout records, in aggregate', () => {
  test(`recall is at least ${MIN_HOLDOUT_RECALL * 100}% and at most ${MAX_NEGATIVES_DIAGNOSED * 100}% of all negatives are diagnosed`, () => {
    const holdout = figuresOf(scored, 'holdout');
    const all = figuresOf(scored);
    console.log(describeFigures('holdout', holdout));
    expect(holdout.right / holdout.positives).toBeGreaterThanOrEqual(MIN_HOLDOUT_RECALL);
    expect(all.falsePositives / all.negatives).toBeLessThanOrEqual(MAX_NEGATIVES_DIAGNOSED);
  });
});
