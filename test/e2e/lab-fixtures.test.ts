// The lab's captures (test/fixtures/lab, recorded by `npm run lab` from a real rootless Docker
// broken one thing at a time) through pipe mode without probes, as any machine can run them: the
// entry for what was broken must be among the diagnoses (which one ranks first is the probes' job,
// checked by the lab itself on the broken host), and no capture may crash the CLI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/lab');

interface LabCase {
  id: string;
  broke: string;
  expect: string | null;
  command: string;
}

/** Captures whose expected entry pipe mode alone does not name yet, with the reason. */
const GAPS: Record<string, string> = {};

const CASES = JSON.parse(readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as LabCase[];

describe('lab captures through pipe mode (--no-probe)', () => {
  test('there are at least 20 cases, each with its capture', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    for (const item of CASES)
      expect(readFileSync(path.join(DIR, `${item.id}.log`), 'utf8')).not.toBe('');
  });

  for (const item of CASES) {
    const title = `${item.id} (${item.broke}): ${item.expect ?? 'no entry yet'}`;
    (GAPS[item.id] ? test.fails : test)(title, async () => {
      const { code, stdout, stderr } = await runCli([
        '--no-probe',
        '--json',
        path.join(DIR, `${item.id}.log`),
      ]);
      expect(stderr).toBe('');
      const records = stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as {
              type: string;
              diagnoses?: { id: string }[];
              guess?: { id: string };
            },
        );
      const summary = records.at(-1)!;
      expect(summary.type).toBe('summary');
      if (item.expect === null) {
        expect([0, 3]).toContain(code);
        return;
      }
      const named = [
        ...(summary.diagnoses ?? []).map((diagnosis) => diagnosis.id),
        ...(summary.guess ? [summary.guess.id] : []),
      ];
      expect(named).toContain(item.expect);
    });
  }
});
