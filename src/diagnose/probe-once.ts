// Each entry is probed at most once per run (the diagnosis session, behind every front end): the
// first request starts the entry's probes, later ones wait for the same answer. A probe runner
// that fails leaves the entry unprobed (every verdict unknown); it never stops the run.
import type { CompiledEntry } from '../kb/types.js';
import type { ProbeResult } from '../probe/types.js';

export type ProbeFn = (entry: CompiledEntry) => Promise<ProbeResult[]>;

export function probeOnce(probe: ProbeFn | undefined): ProbeFn {
  if (!probe) return () => Promise.resolve([]);
  const pending = new Map<string, Promise<ProbeResult[]>>();
  return (entry) => {
    let answer = pending.get(entry.id);
    if (!answer) {
      answer = probe(entry).catch(() => []);
      pending.set(entry.id, answer);
    }
    return answer;
  };
}
