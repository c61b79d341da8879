// `affects` names the versions a regression is in. Each range must parse; the compiler turns each
// component into a version probe (`affects-<component>`), so the host's installed version confirms
// the entry inside the range and rules it out outside it, like any other probe.
import type { EntrySource, VersionedComponent, VersionProbe } from './types.js';
import type { Report } from './validate-entry.js';
import { isPlainObject } from './check-shape.js';
import { parseVersionRange } from './version-range.js';

export function checkAffects(source: Partial<EntrySource>, report: Report): void {
  if (!isPlainObject(source.affects)) return;
  for (const [component, range] of Object.entries(source.affects)) {
    if (typeof range !== 'string') continue;
    const parsed = parseVersionRange(range);
    if (typeof parsed === 'string') {
      report(
        'version-range-invalid',
        ['affects', component],
        `Unexpected range \`${range}\`: ${parsed}, expected comparators such as \`>=28.0.0 <28.0.1\``,
      );
    }
  }
}

export function affectsProbes(affects: Partial<Record<VersionedComponent, string>>): VersionProbe[] {
  return Object.entries(affects).map(([component, range]) => ({
    id: `affects-${component}`,
    kind: 'version',
    component: component as VersionedComponent,
    confirms: { within: range },
  }));
}
