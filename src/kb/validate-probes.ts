// Entry rules about probes: unique ids, exactly one condition that the probe's kind understands,
// valid `matches` regexes, and command probes on the read-only allowlist.
import type { EntrySource, ProbeSpec } from './types.js';
import type { Report } from './validate-entry.js';
import { arrayOf, isPlainObject } from './check-shape.js';
import { CONDITIONS_BY_KIND } from './entry-schema.js';
import { regexProblem } from './check-regex.js';
import { refuseCommand } from '../probe/kinds/command-allowlist.js';

export function checkProbes(source: Partial<EntrySource>, report: Report) {
  const seen = new Set<string>();
  for (const [index, probe] of arrayOf(source.probes).entries()) {
    if (!isPlainObject(probe)) continue;
    const spec = probe as Partial<ProbeSpec>;
    if (typeof spec.id === 'string') {
      if (seen.has(spec.id)) report('duplicate-probe-id', ['probes', index, 'id'], `Unexpected second probe \`${spec.id}\`, expected unique probe ids`);
      seen.add(spec.id);
    }
    if (spec.kind === 'command' && Array.isArray(spec.argv) && spec.argv.every((a) => typeof a === 'string')) {
      const refusal = refuseCommand(spec.argv);
      if (refusal) {
        report('command-not-allowed', ['probes', index, 'argv'], `Unexpected command \`${spec.argv.join(' ')}\`: ${refusal}, expected a read-only command on the probe allowlist (src/probe/kinds/command-allowlist.ts)`);
      }
    }
    if (!isPlainObject(spec.confirms) || typeof spec.kind !== 'string') continue;
    const keys = Object.keys(spec.confirms);
    const allowed = CONDITIONS_BY_KIND[spec.kind] ?? [];
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
