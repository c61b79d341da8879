// `sysctl` probes read /proc/sys/<key with dots as slashes>, e.g. user.max_user_namespaces.
import type { SysctlProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import { excerpt } from '../sanitize-evidence.js';
import { readHostFile } from './read-host-file.js';
import type { ProbeKindModule } from '../probe-kind.js';

/** Keys are plain words joined by dots; anything else (`..`, `/`) could leave /proc/sys. */
const SYSCTL_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export function sysctlPath(key: string): string {
  return `/proc/sys/${key.replace(/\./g, '/')}`;
}

export async function observeSysctl(
  spec: Pick<SysctlProbe, 'key'>,
  host: Host,
): Promise<Observation> {
  if (!SYSCTL_KEY.test(spec.key)) {
    return { state: 'unknown', evidence: `\`${excerpt(spec.key)}\` is not a sysctl key` };
  }
  const path = sysctlPath(spec.key);
  const seen = await readHostFile(host, path, (text) => `${path} = ${excerpt(text)}`);
  // Multi-field values such as ping_group_range are tab-separated; compare them as `0 2147483647`.
  if (seen.state !== 'present') return seen;
  return { ...seen, value: seen.value.trim().replace(/\s+/g, ' ') };
}

export const sysctlKind: ProbeKindModule<SysctlProbe> = {
  kind: 'sysctl',
  fields: {
    key: {
      shape: {
        type: 'string',
        pattern: /^[a-z0-9_]+(\.[a-z0-9_-]+)+$/,
        hint: 'a sysctl name like `user.max_user_namespaces`',
      },
      required: true,
    },
  },
  conditions: ['equals', 'matches', 'below', 'above', 'missing', 'above-capture'],
  observe: (spec, host) => observeSysctl(spec, host),
  target: (spec) => spec.key,
  describe: (spec) => `sysctl ${spec.key}`,
};
