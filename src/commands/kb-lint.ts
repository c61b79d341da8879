// `rootless-doctor kb lint [DIR]`: validate a KB directory, print every issue, exit 1 if any.
// Without DIR: ./kb where the user stands, when there is one (an author's checkout), else the
// bundled KB; the summary line names the directory checked.
// The compiler is imported dynamically: its packages are devDependencies (authoring-packages.ts),
// and an installed copy without them gets one line saying what to install instead of a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode } from '../exit-codes.js';
import { formatIssue } from '../kb/issue.js';
import { committedRecheckVersion } from '../kb/regex-safety-cache.js';
import { installCommand, missingAuthoringPackage } from './authoring-packages.js';
import type { CommandIO } from '../command-io.js';

/** more regexes than this to analyse (a first run on a new KB) and the user hears about it */
const QUIET_ANALYSES = 3;

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
  let compiler;
  try {
    const [{ lintKbDir }, { createUserSafetyChecker }] = await Promise.all([
      import('../authoring/lint-kb-dir.js'),
      import('../kb/check-regex-safety.js'),
    ]);
    compiler = {
      lintKbDir,
      safety: createUserSafetyChecker(io.env, (count) => progress(count, io)),
    };
  } catch (error) {
    const missing = missingAuthoringPackage(error);
    if (missing === undefined) throw error;
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    io.stderr.write(
      `rootless-doctor: kb lint needs the KB authoring packages, which a plain install leaves out (${missing} is missing); install them with: ${installCommand(root, devRanges(root))}\n`,
    );
    return ExitCode.usage;
  }
  const started = performance.now();
  let result;
  try {
    result = await compiler.lintKbDir(dir, cwd, (regex) => compiler.safety.checker.check(regex));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    io.stderr.write(`rootless-doctor: cannot read KB directory ${dir}: ${reason}\n`);
    return ExitCode.usage;
  }
  const analysed = compiler.safety.checker.analysed;
  if (analysed > 0) {
    const saved = compiler.safety.save();
    if (analysed > QUIET_ANALYSES) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const where = saved
        ? `cached in ${compiler.safety.cacheFile}`
        : 'no writable cache directory ($XDG_CACHE_HOME or ~/.cache), so the next run analyses them again';
      io.stderr.write(`kb lint: analysed ${analysed} regexes in ${seconds} s; ${where}\n`);
    }
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

/** The analysis takes up to half a second a regex: a first run on a big KB says what it is doing. */
function progress(count: number, io: CommandIO): void {
  if (count === QUIET_ANALYSES + 1) {
    io.stderr.write(
      'kb lint: analysing regexes for catastrophic backtracking (only once: the answers are cached)…\n',
    );
  } else if (count % 25 === 0) {
    io.stderr.write(`kb lint: ${count} regexes analysed…\n`);
  }
}

/** the ranges package.json gives the authoring packages (devDependencies); recheck exactly as cached */
function devRanges(root: string): Record<string, string> {
  let ranges: Record<string, string> = {};
  try {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    ranges = pkg.devDependencies ?? {};
  } catch {
    // no package.json: the packages are named without versions
  }
  const recheck = committedRecheckVersion();
  return recheck === undefined ? ranges : { ...ranges, recheck };
}
