// The host as another user sees it, for `check --user NAME` run by root (or anyone): the same
// files and commands, but `user` is that user, writability is judged from file modes instead of
// access(2) (which answers for the caller), and of their environment only what passwd says is
// known. Their PATH cannot be known, so programs are looked up in the standard directories and in
// ~/bin (where Docker's rootless install script puts them).
import type { Host } from '../probe/host.js';
import type { Account } from './read-accounts.js';
import { modeAllows } from './file-access.js';

export const STANDARD_DIRS: readonly string[] = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];

/** Where programs are looked up for another user: the standard directories, then ~/bin. */
export function searchDirs(home: string | undefined): string[] {
  const dirs = [...STANDARD_DIRS];
  if (home !== undefined && home.startsWith('/') && home !== '/')
    dirs.push(`${home.replace(/\/+$/, '')}/bin`);
  return dirs;
}

export function viewAsUser(host: Host, account: Account, groups: readonly number[]): Host {
  const dirs = searchDirs(account.home);
  const who = { uid: account.uid, groups };
  return {
    user: { uid: account.uid, gid: account.gid, name: account.name },
    readFile: (path, options) => host.readFile(path, options),
    stat: (path) => host.stat(path),
    async isWritable(path) {
      const found = await host.stat(path);
      if (found.status === 'absent') return false;
      if (found.status === 'error') return undefined;
      return modeAllows(found.info, who, 'write');
    },
    env(name) {
      if (name === 'HOME') return account.home;
      if (name === 'USER' || name === 'LOGNAME') return account.name;
      if (name === 'PATH') return dirs.join(':');
      return undefined;
    },
    async which(name) {
      if (name.includes('/')) return host.which(name);
      for (const dir of dirs) {
        const candidate = `${dir}/${name}`;
        const found = await host.stat(candidate);
        if (found.status === 'ok' && found.info.kind === 'file' && found.info.mode & 0o111)
          return candidate;
      }
      return undefined;
    },
    run: (argv, options) => host.run(argv, options),
  };
}
