// What the keyword search looks at in each entry: the words people type (title, summary,
// keywords, tags), the error fragments they paste (signature literals), and the names of the
// things the probes read (sysctl keys, binaries, variables, units), so that
// `search kernel.unprivileged_userns_clone` finds the entry that probes that sysctl.
import type { CompiledEntry, ProbeSpec } from '../kb/types.js';
import { probeKindOf } from '../probe/probe-kinds.js';

export interface SearchDocument {
  entry: CompiledEntry;
  title: string;
  summary: string;
  keywords: string[];
  /** how people describe the failure in words: `containers stop when I log out` */
  symptoms: string[];
  tags: string[];
  literals: string[];
  targets: string[];
}

/** Fuse.js keys with their weights: an exact error fragment or a probed name counts most. */
export const SEARCH_KEYS = [
  { name: 'literals', weight: 3 },
  { name: 'keywords', weight: 3 },
  { name: 'symptoms', weight: 3 },
  { name: 'targets', weight: 2 },
  { name: 'title', weight: 2 },
  { name: 'tags', weight: 1.5 },
  { name: 'summary', weight: 1 },
] as const;

export function toSearchDocument(entry: CompiledEntry): SearchDocument {
  return {
    entry,
    title: entry.title,
    summary: entry.summary,
    keywords: entry.keywords,
    symptoms: entry.symptoms,
    tags: entry.tags,
    literals: entry.signatures.map((signature) => signature.literal),
    targets: entry.probes.map(probeTarget),
  };
}

function probeTarget(probe: ProbeSpec): string {
  return probeKindOf(probe)?.target(probe) ?? '';
}
