// Every probe kind, by name. The compiler (through its callers), the runner, `show`, the TUI and
// the search read kinds from here only; a kind not listed here is refused by `kb lint`.
import type { ProbeKind, ProbeSpec } from '../kb/types.js';
import type { ProbeKindModule } from './probe-kind.js';
import { binaryKind } from './kinds/binary.js';
import { commandKind } from './kinds/command.js';
import { envKind } from './kinds/env.js';
import { fileKind } from './kinds/file.js';
import { serviceKind } from './kinds/service.js';
import { subidKind } from './kinds/subid.js';
import { sysctlKind } from './kinds/sysctl.js';
import { versionKind } from './kinds/version.js';
import { userKind } from './kinds/user.js';

type Registry = { [K in ProbeKind]: ProbeKindModule<Extract<ProbeSpec, { kind: K }>> };

export const PROBE_KINDS: Registry = {
  sysctl: sysctlKind,
  file: fileKind,
  subid: subidKind,
  binary: binaryKind,
  env: envKind,
  command: commandKind,
  service: serviceKind,
  version: versionKind,
  user: userKind,
};

/** The module of a spec's kind, or undefined for a kind nobody registered (a hand-edited kb.json). */
export function probeKindOf(spec: ProbeSpec): ProbeKindModule | undefined {
  const kind: string = spec.kind;
  return Object.hasOwn(PROBE_KINDS, kind)
    ? (PROBE_KINDS[kind as ProbeKind] as unknown as ProbeKindModule)
    : undefined;
}
