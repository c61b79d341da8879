// `file` probes: a file's existence or content. The path may name the user (`~/`, $HOME, $UID,
// $USER, $XDG_RUNTIME_DIR); expansion uses the host only. Non-regular files (directories, sockets,
// devices) count as present with an empty value and are never opened: opening /dev/fuse or a FIFO
// is not a read-only act. For `matches` on a many-line file the evidence quotes the line that
// matters (see pick-evidence-line.ts).
import type { FileProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import { expandHostPath } from '../expand-host-variables.js';
import { excerpt } from '../sanitize-evidence.js';
import { readHostFile } from './read-host-file.js';
import { pickEvidenceLine } from './pick-evidence-line.js';
import type { ProbeKindModule } from '../probe-kind.js';

function describeContent(path: string, text: string, pattern: string | undefined): string {
  if (text.trim() === '') return `${path} is empty`;
  if (pattern !== undefined) {
    const line = pickEvidenceLine(text, pattern);
    if (line !== undefined) return `${path}: ${excerpt(line)}`;
    if (text.trim().includes('\n') && !testQuietly(pattern, text)) {
      return `${path}: no line matches \`${excerpt(pattern, 60)}\``;
    }
  }
  return `${path}: ${excerpt(text)}`;
}

function testQuietly(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

export async function observeFile(
  spec: Pick<FileProbe, 'path'> & { confirms?: FileProbe['confirms'] },
  host: Host,
): Promise<Observation> {
  const expansion = expandHostPath(spec.path, host);
  if (!expansion.ok)
    return { state: 'unknown', evidence: `${excerpt(spec.path)}: ${expansion.reason}` };
  const path = expansion.text;
  const stat = await host.stat(path);
  if (stat.status === 'absent') return { state: 'absent', evidence: `${path} does not exist` };
  if (stat.status === 'error') return { state: 'unknown', evidence: `${path}: ${stat.reason}` };
  if (stat.info.kind !== 'file') {
    return {
      state: 'present',
      value: '',
      evidence: `${path} exists (${stat.info.kind.replace('-', ' ')})`,
    };
  }
  return readHostFile(host, path, (text) => describeContent(path, text, spec.confirms?.matches));
}

export const fileKind: ProbeKindModule<FileProbe> = {
  kind: 'file',
  fields: {
    path: {
      shape: {
        type: 'string',
        pattern: /^(~\/|\/|\$(HOME|XDG_RUNTIME_DIR)\b)/,
        hint: 'an absolute path (may start with `~/`, `$HOME` or `$XDG_RUNTIME_DIR`)',
      },
      required: true,
    },
  },
  conditions: ['missing', 'matches', 'equals'],
  observe: (spec, host) => observeFile(spec, host),
  target: (spec) => spec.path,
  describe: (spec) => `file ${spec.path}`,
};
