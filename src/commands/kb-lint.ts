// `rootless-doctor kb lint [DIR]`: validate a KB directory, print every issue, exit 1 if any.
// Without DIR: ./kb where the user stands, when there is one (an author's checkout), else the
// bundled KB; the summary line names the directory checked.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ExitCode } from '../exit-codes.js';
import { formatIssue } from '../kb/issue.js';
import { lintKbDir } from '../kb/lint-kb-dir.js';
import type { CommandIO } from './types.js';

/** ./kb in `cwd` when there is one; else the KB this package ships. */
export function defaultKbDir(cwd: string): string {
  return existsSync(path.join(cwd, 'kb')) ? 'kb' : new URL('../../kb', import.meta.url).pathname;
}

export async function runKbLint(
  dir: string,
  cwd: string,
  io: CommandIO,
  options: { json: boolean } = { json: false },
): Promise<ExitCode> {
  let result;
  try {
    result = await lintKbDir(dir, cwd);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.stderr.write(`rootless-doctor: cannot read KB directory ${dir}: ${reason}\n`);
    return ExitCode.usage;
  }
  const count = result.ruleSet.entries.length;
  const exitCode = result.issues.length === 0 ? ExitCode.ok : ExitCode.found;
  if (options.json) {
    const document = { dir, entries: count, issues: result.issues };
    io.stdout.write(`${JSON.stringify(document)}\n`);
    return exitCode;
  }
  for (const issue of result.issues) io.stdout.write(`${formatIssue(issue)}\n`);
  const files = new Set(result.issues.map((i) => i.file)).size;
  const entries = `${count} ${count === 1 ? 'entry' : 'entries'}`;
  if (result.issues.length === 0) {
    io.stderr.write(`${dir}: ${entries}, no issues\n`);
    return exitCode;
  }
  io.stderr.write(
    `${dir}: ${result.issues.length} ${result.issues.length === 1 ? 'issue' : 'issues'} in ${files} ${files === 1 ? 'file' : 'files'}\n`,
  );
  return exitCode;
}
