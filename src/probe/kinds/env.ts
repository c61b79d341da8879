// `env` probes: a variable of the process running rootless-doctor. An empty value counts as
// absent: `export XDG_RUNTIME_DIR=` breaks rootless Docker exactly like an unset variable.
import type { EnvProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import { excerpt } from '../sanitize-evidence.js';
import type { ProbeKindModule } from '../probe-kind.js';

export function observeEnv(spec: Pick<EnvProbe, 'name'>, host: Host): Promise<Observation> {
  const value = host.env(spec.name);
  if (value === undefined)
    return Promise.resolve({ state: 'absent', evidence: `${spec.name} is not set` });
  if (value === '')
    return Promise.resolve({ state: 'absent', evidence: `${spec.name} is set but empty` });
  return Promise.resolve({
    state: 'present',
    value,
    evidence: `${spec.name}=${excerpt(value, 120)}`,
  });
}

export const envKind: ProbeKindModule<EnvProbe> = {
  kind: 'env',
  fields: {
    name: {
      shape: { type: 'string', pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, hint: 'a variable name' },
      required: true,
    },
  },
  conditions: ['missing', 'equals', 'matches'],
  observe: (spec, host) => observeEnv(spec, host),
  target: (spec) => spec.name,
  describe: (spec) => `variable ${spec.name}`,
};
