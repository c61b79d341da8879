// The corpus figures: recall (the expected entry ranked first), false positives on healthy or
// unrelated output, and how often the first guess names the cause where nothing was diagnosed.
import type { CorpusRecord, Split } from './read-corpus.js';
import type { RecordOutcome } from './diagnose-record.js';

export interface Scored {
  record: CorpusRecord;
  outcome: RecordOutcome;
  /** positives: the first diagnosis is one of the expected ids; negatives: nothing diagnosed */
  right: boolean;
}

export interface SplitFigures {
  positives: number;
  right: number;
  /** positives with no diagnosis at all */
  undiagnosed: number;
  /** of those, how many had a first guess that names an expected id */
  guessedRight: number;
  negatives: number;
  falsePositives: number;
}

export function scoreRecord(record: CorpusRecord, outcome: RecordOutcome): Scored {
  const first = outcome.ranked[0];
  const right =
    record.expect.length === 0
      ? outcome.ranked.length === 0
      : first !== undefined && record.expect.includes(first);
  return { record, outcome, right };
}

export function figuresOf(scored: readonly Scored[], split?: Split): SplitFigures {
  const mine = scored.filter((item) => split === undefined || item.record.split === split);
  const positives = mine.filter((item) => item.record.expect.length > 0);
  const negatives = mine.filter((item) => item.record.expect.length === 0);
  const undiagnosed = positives.filter((item) => item.outcome.ranked.length === 0);
  return {
    positives: positives.length,
    right: positives.filter((item) => item.right).length,
    undiagnosed: undiagnosed.length,
    guessedRight: undiagnosed.filter((item) => {
      const guess = item.outcome.guesses[0];
      return guess !== undefined && item.record.expect.includes(guess);
    }).length,
    negatives: negatives.length,
    falsePositives: negatives.filter((item) => !item.right).length,
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;

export function describeFigures(name: string, figures: SplitFigures): string {
  return (
    `${name}: recall ${figures.right}/${figures.positives} (${percent(figures.right, figures.positives)}), ` +
    `no diagnosis ${figures.undiagnosed}, first guess right on those ${figures.guessedRight}/${figures.undiagnosed} ` +
    `(${percent(figures.guessedRight, figures.undiagnosed)}); negatives diagnosed ` +
    `${figures.falsePositives}/${figures.negatives} (${percent(figures.falsePositives, figures.negatives)})`
  );
}
