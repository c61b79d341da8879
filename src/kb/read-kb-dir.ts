// Reads every entry file under a KB directory (recursively, so entries may be grouped in folders;
// README.md files are the style guide, not entries).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { KbFile } from './compile-kb.js';

export async function readKbDir(dir: string, cwd: string): Promise<KbFile[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names
    .filter((d) => d.isFile() && d.name.endsWith('.md') && d.name !== 'README.md')
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  return Promise.all(
    files.map(async (file) => ({ path: displayPath(file, cwd), text: await readFile(file, 'utf8') })),
  );
}

/** Relative to the working directory when inside it (`kb/x.md`), else absolute. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}
