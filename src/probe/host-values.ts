// Computes the host values a diagnosis's fixes name (src/kb/host-values.ts). Reads only; a file
// that cannot be read leaves the value out, so the fix keeps its `{{name}}` placeholder rather than
// offering a value that might collide with what the host already has.
import type { Host } from './host.js';
import { MAX_FILE_BYTES } from './types.js';
import { findFreeSubidRange } from './free-subid-range.js';

export type HostValues = Record<string, string>;

export async function computeHostValues(
  names: ReadonlySet<string>,
  host: Host,
  captures: Readonly<Record<string, string>>,
): Promise<HostValues> {
  const values: HostValues = {};
  if (names.has('free_subid_range')) {
    const files = await Promise.all(
      ['/etc/subuid', '/etc/subgid'].map((path) =>
        host.readFile(path, { maxBytes: MAX_FILE_BYTES }),
      ),
    );
    // an absent file has no ranges yet; a file that could not be read could hold any range
    const texts = files.map((read) =>
      read.status === 'ok' && !read.truncated
        ? read.text
        : read.status === 'absent'
          ? ''
          : undefined,
    );
    if (texts.every((text): text is string => text !== undefined)) {
      const needed = Number(captures.uid ?? captures.gid ?? Number.NaN);
      values.free_subid_range = findFreeSubidRange(
        texts,
        Number.isFinite(needed) ? needed : undefined,
      );
    }
  }
  return values;
}
