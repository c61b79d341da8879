// A regression's version evidence from the log itself: when the log states the version of a
// component the entry's `affects` names, that version printed the failure, so it decides the
// `affects-<component>` probe in place of the host's installed version (which may be another
// machine's, or upgraded since). Works with --no-probe too: the log is not the host.
import type { CompiledEntry, VersionedComponent } from '../kb/types.js';
import { isWithin, parseVersion, parseVersionRange } from '../kb/version-range.js';
import type { ProbeResult } from '../probe/types.js';

export type LogVersions = ReadonlyMap<VersionedComponent, string>;

export function withLogVersions(
  entry: CompiledEntry,
  probes: readonly ProbeResult[],
  versions: LogVersions,
): ProbeResult[] {
  const fromLog = new Map<string, ProbeResult>();
  for (const [component, rangeText] of Object.entries(entry.affects)) {
    const stated = versions.get(component as VersionedComponent);
    const version = stated === undefined ? undefined : parseVersion(stated);
    const range = parseVersionRange(rangeText);
    if (stated === undefined || version === undefined || typeof range === 'string') continue;
    const inside = isWithin(version, range);
    fromLog.set(`affects-${component}`, {
      id: `affects-${component}`,
      verdict: inside ? 'confirmed' : 'ruled-out',
      evidence: `the log shows ${component} ${stated}, ${inside ? 'inside' : 'outside'} the affected range ${rangeText}`,
    });
  }
  if (fromLog.size === 0) return [...probes];
  const kept = probes.filter((probe) => !fromLog.has(probe.id));
  return [...kept, ...fromLog.values()];
}
