// What a user may do with a file, judged from its mode, owner and group the way the kernel's
// permission check does for an ordinary process (root may read and write anything). Used where
// access(2) cannot answer: for another user (`check --user`), and for reading a device, which
// must never be opened to find out.
import type { FileInfo } from '../probe/host.js';

export interface Accessor {
  uid: number | undefined;
  /** primary and supplementary groups */
  groups: readonly number[];
}

/** undefined when the user's uid is not known */
export function modeAllows(
  info: FileInfo,
  who: Accessor,
  want: 'read' | 'write',
): boolean | undefined {
  if (who.uid === undefined) return undefined;
  if (who.uid === 0) return true;
  const bit = want === 'read' ? 4 : 2;
  if (info.uid === who.uid) return ((info.mode >> 6) & bit) !== 0;
  if (who.groups.includes(info.gid)) return ((info.mode >> 3) & bit) !== 0;
  return (info.mode & bit) !== 0;
}

const TYPE_LETTERS: Record<FileInfo['kind'], string> = {
  file: '-',
  directory: 'd',
  socket: 's',
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
  other: '?',
};

/** `crw-rw-rw-`, as `ls -l` prints it (setuid, setgid and sticky included). */
export function formatMode(info: FileInfo): string {
  const { mode } = info;
  const triad = (shift: number, special: number, letter: string) => {
    const r = (mode >> shift) & 4 ? 'r' : '-';
    const w = (mode >> shift) & 2 ? 'w' : '-';
    const x = (mode >> shift) & 1;
    const s = mode & special;
    const exec = s ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-';
    return r + w + exec;
  };
  return (
    TYPE_LETTERS[info.kind] + triad(6, 0o4000, 's') + triad(3, 0o2000, 's') + triad(0, 0o1000, 't')
  );
}

/** `0700` */
export function formatOctal(info: FileInfo): string {
  return (info.mode & 0o7777).toString(8).padStart(4, '0');
}
