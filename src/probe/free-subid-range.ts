// The first free block of subordinate ids for a new /etc/subuid + /etc/subgid line: at or above
// 100000 (below that are system and regular users), a multiple of 65536 long, overlapping no range
// that either file already gives anyone. Copying a range another user has makes two users share
// ids: their containers can read and write each other's files.

export const FIRST_SUBID = 100_000;
export const SUBID_BLOCK = 65_536;

interface Range {
  start: number;
  end: number;
}

/** `name:start:count` lines; comments, blanks and malformed lines are skipped. */
export function readSubidRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const line of text.split('\n')) {
    const match = /^[^:#\s][^:]*:(\d{1,10}):(\d{1,10})\s*$/.exec(line.trim());
    if (!match) continue;
    const start = Number(match[1]);
    const count = Number(match[2]);
    if (count > 0) ranges.push({ start, end: start + count });
  }
  return ranges;
}

/**
 * @param neededId a uid or gid the log says must be mapped inside the container: the block is made
 *   large enough to hold it (container id N needs N + 1 subordinate ids)
 * @returns `start-end` as `usermod --add-subuids` takes it (end inclusive)
 */
export function findFreeSubidRange(files: readonly string[], neededId?: number): string {
  const size = Math.max(SUBID_BLOCK, Math.ceil(((neededId ?? 0) + 1) / SUBID_BLOCK) * SUBID_BLOCK);
  const taken = files.flatMap(readSubidRanges).sort((a, b) => a.start - b.start);
  let start = FIRST_SUBID;
  for (const range of taken) {
    if (range.end <= start) continue;
    if (range.start >= start + size) break;
    // overlaps: try right after it, on a block boundary above the first id
    start = FIRST_SUBID + Math.ceil((range.end - FIRST_SUBID) / SUBID_BLOCK) * SUBID_BLOCK;
  }
  return `${start}-${start + size - 1}`;
}
