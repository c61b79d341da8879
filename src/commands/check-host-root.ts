// --host-root DIR must be a copy of another machine's root: an existing directory with etc/ or
// proc/ in it. Anything else would make every probed file "absent", which rules causes out or in
// on no evidence at all, so it is refused before any probe runs.
import { statSync } from 'node:fs';
import path from 'node:path';

/** Why DIR cannot be a host root, or undefined when it can. */
export function checkHostRoot(dir: string): string | undefined {
  const isDirectory = (target: string): boolean => {
    try {
      return statSync(target).isDirectory();
    } catch {
      return false;
    }
  };
  if (!isDirectory(dir)) return `--host-root ${dir}: no such directory`;
  if (!isDirectory(path.join(dir, 'etc')) && !isDirectory(path.join(dir, 'proc'))) {
    return `--host-root ${dir}: not a copy of a root file system (it has no etc/ or proc/)`;
  }
  return undefined;
}
