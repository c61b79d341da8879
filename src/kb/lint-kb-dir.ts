// Reads and compiles a KB directory: what `kb lint`, `npm run kb:check` and the build share.
import { compileKb, type CompileResult } from './compile-kb.js';
import { readKbDir } from './read-kb-dir.js';

/** Examples are tested on the line as pipe mode sees it after normalisation. */
const normalize = (line: string): string => line;

export async function lintKbDir(dir: string, cwd: string): Promise<CompileResult> {
  const files = await readKbDir(dir, cwd);
  return compileKb(files, { normalize, checkSafety: true });
}
