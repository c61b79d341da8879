// Entry rules about probes: unique ids, exactly one condition that the probe's kind understands,
// valid `matches` regexes, and each kind's own rule (command probes on the read-only allowlist).
// The kinds come from the registry the caller passes in (src/probe/probe-kinds.ts).
import type { EntrySource, ProbeSpec } from './types.js';
import type { Report } from './validate-entry.js';
import { arrayOf, isPlainObject } from './check-shape.js';
import { regexProblem } from './check-regex.js';
import type { ProbeKindSchemas } from './probe-kind-schema.js';

export function checkProbes(source: Partial<EntrySource>, kinds: ProbeKindSchemas, report: Report) {
  const seen = new Set<string>();
  for (const [index, probe] of arrayOf(source.probes).entries()) {
    if (!isPlainObject(probe)) continue;
    const spec = probe as Partial<ProbeSpec>;
    if (typeof spec.id === 'string') {
      if (seen.has(spec.id)) report('duplicate-probe-id', ['probes', index, 'id'], `Unexpected second probe \`${spec.id}\`, expected unique probe ids`);
      seen.add(spec.id);
    }
    const kind = typeof spec.kind === 'string' && Object.hasOwn(kinds, spec.kind) ? kinds[spec.kind] : undefined;
    const refusal = kind?.refuse?.(probe);
    if (refusal) {
      report('command-not-allowed', ['probes', index, 'argv'], `Unexpected ${refusal}`);
    }
    if (!isPlainObject(spec.confirms) || typeof spec.kind !== 'string') continue;
    const keys = Object.keys(spec.confirms);
    const allowed = kind?.conditions ?? [];
    const list = allowed.map((k) => `\`${k}\``).join(', ');
    if (keys.length !== 1) {
      report('condition-invalid', ['probes', index, 'confirms'], `Unexpected ${keys.length} conditions in \`confirms\`, expected exactly one of ${list}`);
    } else if (!allowed.includes(keys[0] ?? '')) {
      report('condition-invalid', ['probes', index, 'confirms', keys[0] ?? ''], `Unexpected condition \`${keys[0]}\` for a ${spec.kind} probe, expected one of ${list}`, 'key');
    }
    const pattern = spec.confirms.matches;
    if (typeof pattern === 'string') {
      const problem = regexProblem(pattern);
      if (problem) report('regex-invalid', ['probes', index, 'confirms', 'matches'], problem);
    }
  }
}
