// The host side of a diagnosis, as the session that drives the matcher receives it: each entry's
// probes, the values fixes name, and the facts that decide which fixes fit. Absent with --no-probe.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult } from '../probe/types.js';
import type { HostFacts } from './fix-fits-host.js';

export interface HostProbing {
  probe: (entry: CompiledEntry) => Promise<ProbeResult[]>;
  hostValues: (
    names: ReadonlySet<string>,
    captures: Record<string, string>,
  ) => Promise<Record<string, string>>;
  /** looked at when a diagnosis first needs them (a log with none never runs dpkg), then kept */
  hostFacts: () => Promise<HostFacts>;
}
