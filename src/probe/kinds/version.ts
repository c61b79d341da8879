// `version` probes: the installed version of a component, for regressions (`affects` in the KB).
// Each component's program is asked for its version only (`--version`, on the allowlist), bounded
// like every command; a program that is not installed or prints no version leaves it unknown.
import type { VersionedComponent, VersionProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation, ProbeOptions } from '../types.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../types.js';
import { showArgv } from './command.js';
import type { ProbeKindModule } from '../probe-kind.js';
import { VERSIONED_COMPONENTS } from '../../kb/types.js';

/** `Docker version 28.0.1, build …`, `rootlesskit version 2.3.4`, `containerd … v1.7.24 …` */
export const VERSION_COMMANDS: Record<VersionedComponent, readonly string[]> = {
  docker: ['dockerd', '--version'],
  rootlesskit: ['rootlesskit', '--version'],
  slirp4netns: ['slirp4netns', '--version'],
  containerd: ['containerd', '--version'],
  runc: ['runc', '--version'],
};

const VERSION_IN_OUTPUT = /\bv?(\d{1,6}\.\d{1,6}(?:\.\d{1,6})?)/;

export function versionArgv(spec: Pick<VersionProbe, 'component'>): readonly string[] {
  return VERSION_COMMANDS[spec.component];
}

export async function observeVersion(
  spec: Pick<VersionProbe, 'component'>,
  host: Host,
  options: ProbeOptions,
): Promise<Observation> {
  const argv = versionArgv(spec);
  const shown = showArgv(argv);
  const outcome = await host.run(argv, {
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  if (outcome.status === 'failed')
    return { state: 'unknown', evidence: `${shown}: ${outcome.reason}` };
  if (outcome.status === 'timeout') {
    return { state: 'unknown', evidence: `${shown}: no answer within ${options.timeoutMs} ms` };
  }
  const version = VERSION_IN_OUTPUT.exec(outcome.stdout)?.[1];
  if (version === undefined) return { state: 'unknown', evidence: `${shown}: printed no version` };
  return { state: 'present', value: version, evidence: `${shown}: ${version}` };
}

export const versionKind: ProbeKindModule<VersionProbe> = {
  kind: 'version',
  fields: {
    component: { shape: { type: 'enum', values: [...VERSIONED_COMPONENTS] }, required: true },
  },
  conditions: ['within'],
  observe: (spec, host, options) => observeVersion(spec, host, options),
  target: (spec) => showArgv(versionArgv(spec)),
  describe: (spec) => `installed ${spec.component} version`,
};
