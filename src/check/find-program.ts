// A program the rootless daemon needs, looked up once per run however many checks ask: where it
// is (on the checked user's PATH, or for a few that are started with sbin on PATH, in /usr/sbin or
// /sbin) and, for those with a version that matters, what `PROGRAM --version` prints. The argv is
// the found path and `--version` only, bounded like every command.
import type { Version } from '../kb/version-range.js';
import { parseVersion } from '../kb/version-range.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../probe/types.js';
import type { CheckContext } from './types.js';
import { STANDARD_DIRS, searchDirs } from './view-as-user.js';

export type ProgramName =
  | 'rootlesskit'
  | 'dockerd'
  | 'dockerd-rootless.sh'
  | 'slirp4netns'
  | 'pasta'
  | 'vpnkit'
  | 'iptables'
  | 'nft';

/** dockerd-rootless-setuptool.sh starts the daemon with /sbin:/usr/sbin on PATH; dockerd looks there for iptables */
const SBIN_TOO: ReadonlySet<ProgramName> = new Set(['dockerd', 'iptables', 'nft']);
const VERSIONED: ReadonlySet<ProgramName> = new Set(['rootlesskit', 'dockerd', 'slirp4netns']);
const SBIN_DIRS = ['/usr/sbin', '/sbin'];

export interface Program {
  name: ProgramName;
  path: string;
  /** false when found only in /usr/sbin or /sbin */
  onPath: boolean;
  /** as printed: `20.10.24+dfsg1` */
  shownVersion?: string;
  version?: Version;
  /** why the version is not known, for programs that are asked */
  versionProblem?: string;
}

const VERSION_IN_OUTPUT = /\bv?(\d{1,6}\.\d{1,6}(?:\.\d{1,6})?)([-+~][0-9A-Za-z.+~-]{0,40})?/;

async function locate(
  context: CheckContext,
  name: ProgramName,
): Promise<{ path: string; onPath: boolean } | undefined> {
  const { host } = context;
  const onPath = await host.which(name);
  if (onPath !== undefined) return { path: onPath, onPath: true };
  if (!SBIN_TOO.has(name)) return undefined;
  for (const dir of SBIN_DIRS) {
    const found = await host.stat(`${dir}/${name}`);
    if (found.status === 'ok' && found.info.kind === 'file' && found.info.mode & 0o111)
      return { path: `${dir}/${name}`, onPath: false };
  }
  return undefined;
}

async function askVersion(context: CheckContext, program: Program): Promise<Program> {
  const { commandTimeoutMs } = context;
  const outcome = await context.host.run([program.path, '--version'], {
    timeoutMs: commandTimeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  const shown = `${program.name} --version`;
  if (outcome.status === 'failed')
    return { ...program, versionProblem: `${shown}: ${outcome.reason}` };
  if (outcome.status === 'timeout')
    return { ...program, versionProblem: `${shown}: no answer within ${commandTimeoutMs} ms` };
  const match =
    VERSION_IN_OUTPUT.exec(outcome.stdout) ?? VERSION_IN_OUTPUT.exec(outcome.stderr) ?? undefined;
  const version = match?.[1] === undefined ? undefined : parseVersion(match[1]);
  if (match === undefined || version === undefined) {
    const exit = outcome.exitCode === 0 ? '' : ` (exit ${outcome.exitCode ?? '?'})`;
    return { ...program, versionProblem: `${shown}: printed no version${exit}` };
  }
  return { ...program, shownVersion: `${match[1]}${match[2] ?? ''}`, version };
}

export function findProgram(
  context: CheckContext,
  name: ProgramName,
): Promise<Program | undefined> {
  const key = `program:${name}`;
  let found = context.memo.get(key) as Promise<Program | undefined> | undefined;
  if (found === undefined) {
    found = locate(context, name).then((where) =>
      where === undefined
        ? undefined
        : VERSIONED.has(name)
          ? askVersion(context, { name, ...where })
          : { name, ...where },
    );
    context.memo.set(key, found);
  }
  return found;
}

/** `rootlesskit not found on PATH`, and for another user where it was looked for instead. */
export function notFound(context: CheckContext, name: ProgramName): string {
  if (context.subject === 'self') {
    return SBIN_TOO.has(name)
      ? `${name} not found on PATH, /usr/sbin or /sbin`
      : `${name} not found on PATH`;
  }
  const who = context.host.user.name ?? 'their';
  const dirs = searchDirs(context.home);
  const homeBin = dirs.length > STANDARD_DIRS.length ? dirs.at(-1) : undefined;
  const extra = homeBin === undefined ? '' : ` or ${homeBin}`;
  return `${name} not found in the standard directories${extra} (${who}'s PATH cannot be known)`;
}

/** `rootlesskit 1.1.0 at /usr/bin/rootlesskit` */
export function describeProgram(program: Program): string {
  const version = program.shownVersion === undefined ? '' : ` ${program.shownVersion}`;
  const where = program.onPath ? '' : ' (not on PATH)';
  return `${program.name}${version} at ${program.path}${where}`;
}
