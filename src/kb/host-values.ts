// Values a fix needs that the docs tell people to pick by hand, computed from the host instead
// (src/probe/host-values.ts): a fix command names them like captures, `{{free_subid_range}}`.
// Only types and patterns live here, so the compiler can accept the names without the host code.

/** name → the pattern a computed value must match before it is filled into a command */
export const HOST_VALUE_PATTERNS: Readonly<Record<string, string>> = {
  /** the first block of subordinate ids at or above 100000 that no line of /etc/subuid or /etc/subgid uses */
  free_subid_range: '\\d{1,10}-\\d{1,10}',
};

export function isHostValue(name: string): boolean {
  return Object.hasOwn(HOST_VALUE_PATTERNS, name);
}
