// `subid` probes: the current user's subordinate id ranges in /etc/subuid or /etc/subgid, matched
// by user name or by uid as shadow-utils does. The value is the total size of all the user's
// ranges. No line for the user is absent ("missing"), unless /etc/nsswitch.conf says ranges come
// from another source (`subid: sss`), where the files cannot tell.
import type { SubidProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import { MAX_FILE_BYTES } from '../types.js';
import { excerpt } from '../sanitize-evidence.js';
import type { ProbeKindModule } from '../probe-kind.js';

export interface SubidRange {
  owner: string;
  start: number;
  count: number;
}

/** Lines `owner:start:count`; comments, blanks and malformed lines are skipped. */
export function parseSubidFile(text: string): SubidRange[] {
  const ranges: SubidRange[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*([^:#\s][^:]*):(\d+):(\d+)\s*$/.exec(line);
    if (match)
      ranges.push({ owner: match[1] ?? '', start: Number(match[2]), count: Number(match[3]) });
  }
  return ranges;
}

async function subidSource(host: Host): Promise<string | undefined> {
  const read = await host.readFile('/etc/nsswitch.conf', { maxBytes: MAX_FILE_BYTES });
  if (read.status !== 'ok') return undefined;
  const line = /^\s*subid:\s*(\S+)/m.exec(read.text);
  return line?.[1];
}

export async function observeSubid(
  spec: Pick<SubidProbe, 'file'>,
  host: Host,
): Promise<Observation> {
  const { name, uid } = host.user;
  if (name === undefined && uid === undefined) {
    return { state: 'unknown', evidence: 'the current user is not known' };
  }
  const who = [name, uid === undefined ? undefined : `uid ${uid}`].filter(Boolean).join(', ');
  const read = await host.readFile(spec.file, { maxBytes: MAX_FILE_BYTES });
  if (read.status === 'error')
    return { state: 'unknown', evidence: `${spec.file}: ${read.reason}` };
  const mine =
    read.status === 'ok'
      ? parseSubidFile(read.text).filter(
          (r) => r.owner === name || (uid !== undefined && r.owner === String(uid)),
        )
      : [];
  if (mine.length === 0) {
    const source = await subidSource(host);
    const where =
      read.status === 'absent'
        ? `${spec.file} does not exist`
        : `${spec.file} has no range for ${who}`;
    if (source !== undefined && source !== 'files') {
      return {
        state: 'unknown',
        evidence: `${where}, but nsswitch.conf takes subid ranges from ${excerpt(source, 20)}`,
      };
    }
    return { state: 'absent', evidence: where };
  }
  const total = mine.reduce((sum, range) => sum + range.count, 0);
  const shown = mine.map((r) => `${excerpt(r.owner, 32)}:${r.start}:${r.count}`).join(', ');
  return {
    state: 'present',
    value: String(total),
    evidence: `${spec.file}: ${shown} (${total} ids)`,
  };
}

export const subidKind: ProbeKindModule<SubidProbe> = {
  kind: 'subid',
  fields: {
    file: { shape: { type: 'enum', values: ['/etc/subuid', '/etc/subgid'] }, required: true },
  },
  conditions: ['missing', 'below', 'above'],
  observe: (spec, host) => observeSubid(spec, host),
  target: (spec) => spec.file,
  describe: (spec) => `range in ${spec.file}`,
};
