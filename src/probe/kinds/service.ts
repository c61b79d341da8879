// `service` probes: `systemctl [--user] is-active UNIT`. systemctl prints the unit's state even
// when it exits non-zero (`inactive`, exit 3); a reply that is not a state (nothing, or `Failed to
// connect to bus` on stderr) leaves the probe unknown: the unit may well be running, we cannot see.
import type { ServiceProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation, ProbeOptions } from '../types.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../types.js';
import { excerpt } from '../sanitize-evidence.js';
import { observeRun, showArgv } from './command.js';
import type { ProbeKindModule } from '../probe-kind.js';

/** The states `systemctl is-active` prints (systemd's unit_active_state_to_string). */
const UNIT_STATES = [
  'active',
  'reloading',
  'inactive',
  'failed',
  'activating',
  'deactivating',
  'maintenance',
  'refreshing',
];
const UNIT_NAME = /^[A-Za-z0-9@._:\\-]+$/;

export function serviceArgv(spec: Pick<ServiceProbe, 'unit' | 'scope'>): string[] {
  return spec.scope === 'user'
    ? ['systemctl', '--user', 'is-active', spec.unit]
    : ['systemctl', 'is-active', spec.unit];
}

export async function observeService(
  spec: Pick<ServiceProbe, 'unit' | 'scope'>,
  host: Host,
  options: ProbeOptions,
): Promise<Observation> {
  if (!UNIT_NAME.test(spec.unit) || spec.unit.startsWith('-')) {
    return { state: 'unknown', evidence: `\`${excerpt(spec.unit)}\` is not a unit name` };
  }
  const argv = serviceArgv(spec);
  const outcome = await host.run(argv, {
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  const seen = observeRun(showArgv(argv), outcome, false, options.timeoutMs);
  if (seen.state !== 'present') return seen;
  const state = seen.value.split('\n')[0]?.trim() ?? '';
  if (!UNIT_STATES.includes(state)) return { state: 'unknown', evidence: seen.evidence };
  return {
    ...seen,
    value: state,
    facts: { active: ['active', 'reloading', 'refreshing'].includes(state) },
  };
}

export const serviceKind: ProbeKindModule<ServiceProbe> = {
  kind: 'service',
  fields: {
    unit: { shape: { type: 'string' }, required: true },
    scope: { shape: { type: 'enum', values: ['user', 'system'] }, required: true },
  },
  conditions: ['active'],
  observe: (spec, host, options) => observeService(spec, host, options),
  target: (spec) => showArgv(serviceArgv(spec)),
  describe: (spec) => `${spec.scope} service ${spec.unit}`,
};
