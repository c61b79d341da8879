// All probes of one KB entry, concurrently, each bounded on its own (1 s by default), so the
// slowest probe sets the entry's latency and a hanging one costs at most its bound.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult, Verdict } from './types.js';
import type { Host } from './host.js';
import type { ProbeOptions } from './types.js';
import { runProbe } from './run-probe.js';
import { judgeEntry } from './judge-entry.js';

export interface EntryProbeResult {
  verdict: Verdict;
  /** in the order the entry lists its probes */
  results: ProbeResult[];
}

export async function probeEntry(
  entry: Pick<CompiledEntry, 'probes'>,
  host: Host,
  options?: Partial<ProbeOptions>,
): Promise<EntryProbeResult> {
  const results = await Promise.all(entry.probes.map((spec) => runProbe(spec, host, options)));
  return { verdict: judgeEntry(entry.probes, results).verdict, results };
}
