// What pipe mode calls: entry → its probe results. One run per entry id per process, shared by
// every finding of that entry (a log with 3,000 repeats of one line probes once), and concurrent
// callers for the same entry share the same in-flight promise.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult } from './types.js';
import type { Host } from './host.js';
import type { ProbeOptions } from './types.js';
import { probeEntry } from './probe-entry.js';

export type ProbeRunner = (entry: CompiledEntry) => Promise<ProbeResult[]>;

export function createProbeRunner(host: Host, options?: Partial<ProbeOptions>): ProbeRunner {
  const cache = new Map<string, Promise<ProbeResult[]>>();
  return (entry) => {
    let pending = cache.get(entry.id);
    if (pending === undefined) {
      pending = probeEntry(entry, host, options).then((probed) => probed.results);
      cache.set(entry.id, pending);
    }
    return pending;
  };
}
