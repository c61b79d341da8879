// Compiles kb/ into dist/kb.json (part of `npm run build`); with --check only validates
// (`npm run kb:check`). Prints every issue and exits 1 when there is any.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../src/kb/issue.js';
import { lintKbDir } from '../src/kb/lint-kb-dir.js';
import { writeKbJson } from './write-kb-json.js';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
const started = performance.now();
const { issues, ruleSet } = await lintKbDir(path.join(root, 'kb'), root);

for (const issue of issues) console.log(formatIssue(issue));
if (issues.length > 0) {
  console.error(`kb: ${issues.length} issue(s); dist/kb.json not written`);
  process.exit(1);
}
if (!checkOnly) {
  await mkdir(path.join(root, 'dist'), { recursive: true });
  await writeKbJson(path.join(root, 'dist', 'kb.json'), ruleSet);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(
  `kb: ${ruleSet.entries.length} entries ok${checkOnly ? '' : ', wrote dist/kb.json'} (${seconds} s)`,
);
