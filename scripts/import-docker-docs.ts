// `npm run import-docs -- UPSTREAM.md --out DIR [--url URL]`: writes one draft entry per
// troubleshooting item of Docker's rootless-mode page. Existing files are never overwritten.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importDockerDocs } from '../src/authoring/import-docker-docs.js';

const usage = 'usage: npm run import-docs -- UPSTREAM.md --out DIR [--url URL]';
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, url: { type: 'string' } },
  });
} catch (error) {
  console.error(`import-docs: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const [input, ...extra] = parsed.positionals;
const out = parsed.values.out;
if (!input || !out || extra.length > 0) {
  console.error(`import-docs: expected one UPSTREAM.md and --out DIR\n${usage}`);
  process.exit(2);
}

let markdown: string;
try {
  markdown = await readFile(input, 'utf8');
} catch (error) {
  console.error(`import-docs: cannot read ${input}: ${(error as { code?: string }).code ?? error}`);
  process.exit(2);
}
const drafts = importDockerDocs(
  markdown,
  parsed.values.url ? { url: parsed.values.url } : undefined,
);
await mkdir(out, { recursive: true });
let written = 0;
for (const draft of drafts) {
  const file = path.join(out, `${draft.id}.md`);
  try {
    await writeFile(file, draft.text, { flag: 'wx' });
    written += 1;
  } catch {
    console.error(`import-docs: ${file} exists, left as it is`);
  }
}
console.error(
  `import-docs: ${drafts.length} troubleshooting items, ${written} drafts written to ${out}`,
);
if (drafts.length === 0) process.exit(1);
