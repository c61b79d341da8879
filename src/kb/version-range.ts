// Version ranges for regressions (`affects: { docker: '>=28.0.0 <28.0.1' }`): a space-separated
// list of comparators that must all hold, alternatives joined by `||`. Versions are compared as
// numbers part by part (20.10.8 < 20.10.10); a missing part counts as 0, and pre-release or build
// suffixes (`-rc.1`, `+dfsg1`, `-ce`) are ignored: distributions' builds carry the upstream number.

export type Version = readonly [number, number, number];

type Operator = '<' | '<=' | '>' | '>=' | '=';

interface Comparator {
  operator: Operator;
  version: Version;
}

/** alternatives, each a list of comparators that must all hold */
export type VersionRange = readonly (readonly Comparator[])[];

const VERSION = /^v?(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?(?:[-+~][0-9A-Za-z.+~-]{0,64})?$/;
const COMPARATOR = /^(<=|>=|<|>|=)?(.+)$/;

export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** The range, or a one-line reason it is not one. */
export function parseVersionRange(text: string): VersionRange | string {
  const alternatives = text.split('||').map((part) => part.trim());
  const range: Comparator[][] = [];
  for (const alternative of alternatives) {
    if (alternative === '') return `empty alternative in \`${text}\``;
    const comparators: Comparator[] = [];
    for (const word of alternative.split(/\s+/)) {
      const [, operator = '=', versionText = ''] = COMPARATOR.exec(word) ?? [];
      const version = parseVersion(versionText);
      if (!version) return `\`${word}\` is not a comparator like \`>=28.0.0\` or \`<20.10.8\``;
      comparators.push({ operator: operator as Operator, version });
    }
    range.push(comparators);
  }
  return range;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function isWithin(version: Version, range: VersionRange): boolean {
  return range.some((comparators) =>
    comparators.every(({ operator, version: bound }) => {
      const order = compareVersions(version, bound);
      switch (operator) {
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '>=':
          return order >= 0;
        case '=':
          return order === 0;
      }
    }),
  );
}

export function formatVersion(version: Version): string {
  return version.join('.');
}
