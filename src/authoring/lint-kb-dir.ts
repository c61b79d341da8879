// Reads and compiles a KB directory: what `kb lint`, `npm run kb:check` and the build share. It
// wires the compiler to the matcher's normalisation (examples are tested on the line as pipe mode
// sees it) and to the probe kinds registry, which the compiler itself does not import.
import { compileKb, type CompileResult } from '../kb/compile-kb.js';
import { readKbDir } from '../kb/read-kb-dir.js';
import type { Safety } from '../kb/regex-safety-cache.js';
import { normalizeLine } from '../match/normalize-line.js';
import { PROBE_KINDS } from '../probe/probe-kinds.js';

export async function lintKbDir(
  dir: string,
  cwd: string,
  safety?: (regex: string) => Safety,
): Promise<CompileResult> {
  const files = await readKbDir(dir, cwd);
  return compileKb(files, {
    normalize: normalizeLine,
    checkSafety: true,
    probeKinds: PROBE_KINDS,
    ...(safety ? { safety } : {}),
  });
}
