// `binary` probes: a program on PATH (value: its path), and for `privileged`, whether it is
// setuid-root or has file capabilities. The privilege is only looked up when the condition asks,
// so a plain presence probe never runs getcap.
import type { BinaryProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation, ProbeOptions } from '../types.js';
import { readBinaryPrivilege } from './binary-privilege.js';
import type { ProbeKindModule } from '../probe-kind.js';

/** Program names only: a path or an option here would mean something else. */
const PROGRAM_NAME = /^[A-Za-z0-9._+][A-Za-z0-9._+-]*$/;

export async function observeBinary(
  spec: Pick<BinaryProbe, 'name' | 'confirms'>,
  host: Host,
  options: ProbeOptions,
): Promise<Observation> {
  if (!PROGRAM_NAME.test(spec.name))
    return { state: 'unknown', evidence: `\`${spec.name}\` is not a program name` };
  const path = await host.which(spec.name);
  if (path === undefined) return { state: 'absent', evidence: `${spec.name} not found on PATH` };
  if (spec.confirms.privileged === undefined) {
    return { state: 'present', value: path, evidence: `${spec.name} at ${path}` };
  }
  const privilege = await readBinaryPrivilege(path, host, options.timeoutMs);
  return {
    state: 'present',
    value: path,
    evidence: `${spec.name} at ${path}: ${privilege.description}`,
    facts: privilege.privileged === undefined ? {} : { privileged: privilege.privileged },
  };
}

export const binaryKind: ProbeKindModule<BinaryProbe> = {
  kind: 'binary',
  fields: {
    name: {
      shape: { type: 'string', pattern: /^[A-Za-z0-9._+-]+$/, hint: 'a program name' },
      required: true,
    },
  },
  conditions: ['missing', 'privileged'],
  observe: (spec, host, options) => observeBinary(spec, host, options),
  target: (spec) => spec.name,
  describe: (spec) => `program ${spec.name}`,
};
