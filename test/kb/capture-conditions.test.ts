import path from 'node:path';
import { expect, test } from 'vitest';
import { formatIssue } from '../../src/kb/issue.js';
import { lintKbDir } from '../../src/authoring/lint-kb-dir.js';

test('a probe comparing with a capture no signature defines is refused', async () => {
  const root = path.resolve(import.meta.dirname, '../fixtures');
  const { issues } = await lintKbDir(path.join(root, 'kb-capture-condition'), root);
  expect(issues.map(formatIssue)).toEqual([
    'kb-capture-condition/widget-fails.md:17:39: Unexpected capture `uid` in `differs-from-capture`, expected a capture some signature defines as `(?<uid>…)` (capture-undefined)',
  ]);
});
