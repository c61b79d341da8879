// The text output of pipe mode, pinned in full for real logs (test/fixtures/logs/<case>.log with
// <case>.expected.txt next to it, NO_COLOR=1, --no-probe): what a user sees in a terminal or a
// file. Two of the cases are terminal-wrapped errors (the docs' dbus error copied from a wide
// terminal, a userns failure from an 80-column one) whose JSON Lines are pinned here too, with the
// line each wrapped error must be reported on.
//
// After a deliberate change of the output (a KB entry's wording, the reporter), regenerate a case
// and review its diff before committing it:
//   NO_COLOR=1 node dist/cli.js --no-probe test/fixtures/logs/CASE.log > test/fixtures/logs/CASE.expected.txt
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/logs');
const read = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
const CASES = readdirSync(DIR)
  .filter((name) => name.endsWith('.expected.txt'))
  .map((name) => name.replace(/\.expected\.txt$/, ''));

/** what the text's summary says decides the exit code */
function exitCodeOf(text: string): number {
  const head = text.split('\n').find((line) => / lines? read: /.test(line)) ?? '';
  if (/\d+ diagnos/.test(head)) return 1;
  return /\d+ suggestion/.test(head) ? 3 : 0;
}

describe('text output of real logs', () => {
  test('there are cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(6);
  });

  test.each(CASES)('%s', async (name) => {
    const expected = read(`${name}.expected.txt`);
    const result = await runCli(['--no-probe', path.join(DIR, `${name}.log`)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
    expect(result.code).toBe(exitCodeOf(expected));
  });
});

describe('terminal-wrapped errors', () => {
  const cases = [
    { name: 'dbus-reset-wrapped-terminal', lines: { 'dbus-user-session-missing': 4 } },
    {
      name: 'userns-clone-wrapped-80-columns',
      lines: {
        'userns-clone-disabled': 18,
        'apparmor-userns-restriction': 20,
        'userns-blocked-inside-container': 20,
      },
    },
  ];

  test.each(cases)(
    '$name: exact JSON Lines, each error on its first physical line',
    async ({ name, lines }) => {
      const result = await runCli(['--no-probe', '--json', path.join(DIR, `${name}.log`)]);
      expect(result.stdout).toBe(read(`${name}.expected.jsonl`));
      const records = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; id?: string; line?: number });
      const diagnosed = Object.fromEntries(
        records.filter((r) => r.type === 'diagnosis').map((r) => [r.id, r.line]),
      );
      expect(diagnosed).toEqual(lines);
      // the wrapped line is one error: none of its physical lines is also a suggestion
      const suggested = records.filter((r) => r.type === 'suggestion').map((r) => r.line);
      for (const line of Object.values(lines)) expect(suggested).not.toContain(line);
    },
  );
});
