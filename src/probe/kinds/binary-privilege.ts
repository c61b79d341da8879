// Whether a helper such as newuidmap can act with privilege: the setuid bit with root as owner, or
// file capabilities. Node cannot read the `security.capability` xattr without a native addon, so
// capabilities come from `getcap` (allowlisted, read-only). When getcap cannot run (not installed,
// --host-root, timeout) and there is no setuid bit, the answer is unknown, not "unprivileged".
import type { Host } from '../host.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../types.js';
import { excerpt } from '../sanitize-evidence.js';

export interface Privilege {
  privileged: boolean | undefined;
  /** e.g. `setuid root`, `file capabilities cap_setuid=ep`, `no setuid bit, no file capabilities` */
  description: string;
}

const SETUID = 0o4000;
/** getcap lives in sbin, which an ordinary user's PATH often lacks. */
const GETCAP_FALLBACKS = ['/usr/sbin/getcap', '/sbin/getcap'];

async function findGetcap(host: Host): Promise<string | undefined> {
  const onPath = await host.which('getcap');
  if (onPath !== undefined) return onPath;
  for (const path of GETCAP_FALLBACKS) {
    const stat = await host.stat(path);
    if (stat.status === 'ok' && stat.info.kind === 'file') return path;
  }
  return undefined;
}

async function readCapabilities(
  path: string,
  host: Host,
  timeoutMs: number,
): Promise<string | undefined | Error> {
  // Not found on the probed host: still ask, so the host says why (not installed, or no commands
  // at all under --host-root) instead of this module guessing.
  const getcap = (await findGetcap(host)) ?? 'getcap';
  const outcome = await host.run([getcap, path], { timeoutMs, maxBytes: MAX_COMMAND_OUTPUT_BYTES });
  if (outcome.status === 'failed') return new Error(`getcap: ${outcome.reason}`);
  if (outcome.status === 'timeout') return new Error(`getcap: no answer within ${timeoutMs} ms`);
  if (outcome.exitCode !== 0) return new Error(`getcap: exit ${outcome.exitCode ?? 'unknown'}`);
  // `getcap FILE` prints `FILE cap_setuid=ep` (older: `FILE = cap_setuid+ep`), or nothing.
  const caps = outcome.stdout
    .trim()
    .slice(path.length)
    .replace(/^\s*=?\s*/, '');
  return caps === '' ? undefined : caps;
}

export async function readBinaryPrivilege(
  path: string,
  host: Host,
  timeoutMs: number,
): Promise<Privilege> {
  const stat = await host.stat(path);
  if (stat.status !== 'ok') {
    return {
      privileged: undefined,
      description: stat.status === 'error' ? stat.reason : 'vanished',
    };
  }
  const { mode, uid } = stat.info;
  if (mode & SETUID && uid === 0) return { privileged: true, description: 'setuid root' };
  const setuidNote = mode & SETUID ? `setuid but owned by uid ${uid}` : 'no setuid bit';
  const caps = await readCapabilities(path, host, timeoutMs);
  if (caps instanceof Error) {
    return {
      privileged: undefined,
      description: `${setuidNote}; file capabilities unknown (${caps.message})`,
    };
  }
  if (caps === undefined)
    return { privileged: false, description: `${setuidNote}, no file capabilities` };
  return { privileged: true, description: `file capabilities ${excerpt(caps, 60)}` };
}
