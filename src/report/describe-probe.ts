// One sentence saying what a probe reads and which value confirms the cause, for `show` and the
// TUI: `sysctl user.max_user_namespaces: confirmed when below 1024, ruled out otherwise`.
import type { ProbeCondition, ProbeSpec } from '../kb/types.js';
import { probeKindOf } from '../probe/probe-kinds.js';

export function describeProbe(probe: ProbeSpec): string {
  const otherwise = probe.otherwise === 'unknown' ? 'unknown otherwise' : 'ruled out otherwise';
  return `${describeTarget(probe)}: confirmed when ${describeCondition(probe.confirms)}, ${otherwise}`;
}

function describeTarget(probe: ProbeSpec): string {
  return probeKindOf(probe)?.describe(probe) ?? `probe ${probe.id}`;
}

function describeCondition(condition: ProbeCondition): string {
  if (condition.equals !== undefined) return `it is \`${condition.equals}\``;
  if (condition.matches !== undefined) return `it matches /${condition.matches}/`;
  if (condition.below !== undefined) return `below ${condition.below}`;
  if (condition.above !== undefined) return `above ${condition.above}`;
  if (condition.missing !== undefined) return condition.missing ? 'missing' : 'present';
  if (condition.privileged !== undefined) {
    return condition.privileged ? 'setuid-root or with file capabilities' : 'not privileged';
  }
  if (condition.active !== undefined) return condition.active ? 'active' : 'not active';
  if (condition.exit !== undefined) return `it exits with ${condition.exit}`;
  if (condition.within !== undefined) return `within \`${condition.within}\``;
  return 'never';
}
