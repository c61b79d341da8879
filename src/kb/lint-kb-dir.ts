// Reads and compiles a KB directory: what `kb lint`, `npm run kb:check` and the build share.
// Examples are tested on the line as pipe mode sees it, after the matcher's normalisation.
import { compileKb, type CompileResult } from './compile-kb.js';
import { readKbDir } from './read-kb-dir.js';
import { normalizeLine } from '../match/normalize-line.js';

export async function lintKbDir(dir: string, cwd: string): Promise<CompileResult> {
  const files = await readKbDir(dir, cwd);
  return compileKb(files, { normalize: normalizeLine, checkSafety: true });
}
