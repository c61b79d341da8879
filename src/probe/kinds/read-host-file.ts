// Shared by the file-reading kinds: one host read turned into an Observation, with the path as
// the subject of the evidence.
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import { MAX_FILE_BYTES } from '../types.js';

export async function readHostFile(
  host: Host,
  path: string,
  describe: (text: string) => string,
): Promise<Observation> {
  const read = await host.readFile(path, { maxBytes: MAX_FILE_BYTES });
  if (read.status === 'absent') return { state: 'absent', evidence: `${path} does not exist` };
  if (read.status === 'error') return { state: 'unknown', evidence: `${path}: ${read.reason}` };
  return { state: 'present', value: read.text, evidence: describe(read.text) };
}
