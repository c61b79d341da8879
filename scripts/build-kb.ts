// Compiles kb/ into dist/kb.json (part of `npm run build`); with --check only validates
// (`npm run kb:check`). Prints every issue and exits 1 when there is any.
//
// The regex safety answers come from the committed kb/.regex-safety-cache.json, so a fresh clone
// analyses only regexes it has never seen. The build rewrites that file to hold exactly the
// current KB's regexes (commit it with the KB change); --check writes nothing and fails when the
// file is stale, which is how CI catches a forgotten update.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatIssue } from '../src/kb/issue.js';
import { lintKbDir } from '../src/authoring/lint-kb-dir.js';
import { analyserVersion, createSafetyChecker } from '../src/kb/check-regex-safety.js';
import {
  cacheStaleness,
  COMMITTED_CACHE_FILE,
  formatCache,
  parseCache,
} from '../src/kb/regex-safety-cache.js';
import { writeKbJson } from './write-kb-json.js';

const root = path.resolve(import.meta.dirname, '..');
const checkOnly = process.argv.includes('--check');
const started = performance.now();
const cacheName = path.relative(root, COMMITTED_CACHE_FILE);
const analyser = analyserVersion();
const committedText = await readFile(COMMITTED_CACHE_FILE, 'utf8').catch(() => '');
const safety = createSafetyChecker({
  known: [parseCache(committedText, analyser)],
  onAnalysed: (count) => {
    if (count === 1) console.error(`kb: analysing regexes that ${cacheName} does not know…`);
    else if (count % 25 === 0) console.error(`kb: ${count} regexes analysed…`);
  },
});
const { issues, ruleSet } = await lintKbDir(path.join(root, 'kb'), root, (regex) =>
  safety.check(regex),
);

for (const issue of issues) console.log(formatIssue(issue));
const stale = cacheStaleness(committedText, analyser, safety.seen);
if (stale !== undefined && checkOnly) {
  console.error(`kb: ${cacheName} is stale: ${stale}; run \`npm run build\` and commit it`);
}
if (stale !== undefined && !checkOnly) {
  await writeFile(COMMITTED_CACHE_FILE, formatCache(analyser, safety.seen));
  console.error(`kb: updated ${cacheName} (${stale}); commit it`);
}
if (issues.length > 0) {
  console.error(`kb: ${issues.length} issue(s); dist/kb.json not written`);
  process.exit(1);
}
if (stale !== undefined && checkOnly) process.exit(1);
if (!checkOnly) {
  await mkdir(path.join(root, 'dist'), { recursive: true });
  await writeKbJson(path.join(root, 'dist', 'kb.json'), ruleSet);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.error(
  `kb: ${ruleSet.entries.length} entries ok${checkOnly ? '' : ', wrote dist/kb.json'} (${seconds} s)`,
);
