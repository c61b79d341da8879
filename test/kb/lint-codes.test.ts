// One broken fixture per issue code (tldr-lint style): each must raise that code and only that
// code, at the pinned position.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type IssueCode } from '../../src/kb/issue.js';
import { lintKbDir } from '../../src/authoring/lint-kb-dir.js';

const root = path.resolve(import.meta.dirname, '../fixtures/kb-broken');

const expected: Record<IssueCode, { file: string; line: number; column: number; count?: number }> = {
  'front-matter-missing': { file: 'widget-fails.md', line: 1, column: 1 },
  'yaml-invalid': { file: 'widget-fails.md', line: 3, column: 1 },
  'unknown-field': { file: 'widget-fails.md', line: 6, column: 1 },
  'missing-field': { file: 'widget-fails.md', line: 2, column: 1 },
  'wrong-type': { file: 'widget-fails.md', line: 4, column: 11 },
  'id-invalid': { file: 'Widget_Fails.md', line: 1, column: 1 },
  'duplicate-id': { file: 'b/widget-fails.md', line: 1, column: 1 },
  'regex-invalid': { file: 'widget-fails.md', line: 8, column: 12 },
  'regex-unsafe': { file: 'widget-fails.md', line: 9, column: 12 },
  'literal-invalid': { file: 'widget-fails.md', line: 9, column: 14, count: 2 },
  'capture-pattern-missing': { file: 'widget-fails.md', line: 8, column: 12 },
  'capture-undefined': { file: 'widget-fails.md', line: 11, column: 14 },
  'placeholder-quoted': { file: 'widget-fails.md', line: 11, column: 14 },
  'condition-invalid': { file: 'widget-fails.md', line: 13, column: 15 },
  'command-not-allowed': { file: 'widget-fails.md', line: 12, column: 11 },
  'duplicate-probe-id': { file: 'widget-fails.md', line: 14, column: 9 },
  'example-not-matched': { file: 'widget-fails.md', line: 17, column: 13 },
  'example-captures-differ': { file: 'widget-fails.md', line: 16, column: 17 },
  'no-match-example-matched': { file: 'widget-fails.md', line: 19, column: 7 },
  'example-claimed-by-other-entry': { file: 'widget-fails.md', line: 15, column: 13 },
  'shares-with-invalid': { file: 'widget-fails.md', line: 7, column: 15 },
  'section-missing': { file: 'widget-fails.md', line: 23, column: 1 },
  'section-order': { file: 'widget-fails.md', line: 27, column: 1 },
  'version-range-invalid': { file: 'widget-fails.md', line: 15, column: 11 },
  'destructive-fix-unmarked': { file: 'widget-fails.md', line: 14, column: 14 },
  'destructive-fix-first': { file: 'widget-fails.md', line: 13, column: 18 },
};

describe('kb lint: one fixture per issue code', () => {
  it('the unbroken base entry has no issues', async () => {
    const result = await lintKbDir(path.join(root, 'valid'), root);
    expect(result.issues).toEqual([]);
    expect(result.ruleSet.entries.map((e) => e.id)).toEqual(['widget-fails']);
  });

  it('covers every issue code', () => {
    expect(Object.keys(expected).sort()).toEqual([...ISSUE_CODES].sort());
  });

  for (const code of ISSUE_CODES) {
    it(`${code} fires alone, at its position`, async () => {
      const want = expected[code];
      const { issues } = await lintKbDir(path.join(root, code), root);
      expect(issues.map((i) => i.code)).toEqual(Array(want.count ?? 1).fill(code));
      expect(issues[0]).toMatchObject({
        file: path.join(code, want.file),
        line: want.line,
        column: want.column,
      });
    });
  }
});
