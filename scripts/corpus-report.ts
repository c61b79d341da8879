// `npm run corpus`: the KB measured on the real-world corpus (test/fixtures/real-world).
// Prints recall on train and holdout, false positives on negatives, the first-guess rate where
// nothing was diagnosed, and each train record that is wrong. Holdout records are counted, never
// listed, unless --show-holdout is given: signatures must not be written from them.
import { diagnoseRecord, loadKb } from '../test/real-world/diagnose-record.js';
import {
  readCorpus,
  readKnownGaps,
  recordKey,
  repositoryOf,
} from '../test/real-world/read-corpus.js';
import { describeFigures, figuresOf, scoreRecord } from '../test/real-world/score-corpus.js';

const showHoldout = process.argv.includes('--show-holdout');
const gaps = readKnownGaps();
const { records, problems } = readCorpus();
for (const problem of problems) console.error(problem);
const kb = await loadKb((issue) => console.error(`kb: ${issue}`));
const known = new Set(kb.entries.map((entry) => entry.id));
const scored = [];
for (const record of records)
  scored.push(scoreRecord(record, await diagnoseRecord(kb, record.input)));

const positives = records.filter((record) => record.expect.length > 0);
const perId = new Map<string, number>();
for (const record of positives) {
  for (const id of new Set(record.expect)) perId.set(id, (perId.get(id) ?? 0) + 1);
}
const [topId, topCount] = [...perId].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
console.log(
  `${records.length} records: ${positives.length} positives, ${records.length - positives.length} negatives, ` +
    `${new Set(records.map((record) => repositoryOf(record.source))).size} sources' repositories; ` +
    `most common expected id ${topId} (${topCount}, ${((100 * topCount) / Math.max(positives.length, 1)).toFixed(1)}%)`,
);
const unknownIds = [...perId.keys()].filter((id) => !known.has(id));
if (unknownIds.length > 0) console.log(`expected ids not in kb/: ${unknownIds.sort().join(', ')}`);
console.log(describeFigures('train  ', figuresOf(scored, 'train')));
console.log(describeFigures('holdout', figuresOf(scored, 'holdout')));
console.log(describeFigures('all    ', figuresOf(scored)));

for (const item of scored) {
  if (item.right || (item.record.split === 'holdout' && !showHoldout)) continue;
  const got = item.outcome.ranked.length > 0 ? item.outcome.ranked.join(',') : 'nothing';
  const guess = item.outcome.guesses[0] ? ` (guess ${item.outcome.guesses[0]})` : '';
  const wanted = item.record.expect.length > 0 ? item.record.expect.join('|') : 'none';
  const known = gaps.has(recordKey(item.record)) ? ' [known gap]' : '';
  console.log(
    `miss ${item.record.split} ${item.record.where}: want ${wanted}, got ${got}${guess}${known}\t${recordKey(item.record).replace(' ', '\t')}`,
  );
}
if (problems.length > 0) process.exitCode = 1;
