// For a `matches` condition on a many-line file (/proc/self/status, /proc/self/mounts), the first
// 80 characters of the file say nothing; the line the pattern is about does. This picks it: the
// first line the pattern matches, or else the first line holding the pattern's leading literal
// (`Seccomp:` for `Seccomp:\s+2`, which shows `Seccomp: 0` when the probe rules out).

/** The plain text a regex starts with, up to its first special character. */
export function leadingLiteral(pattern: string): string {
  const match = /^[^\\^$.|?*+()[\]{}]*/.exec(pattern);
  return match?.[0] ?? '';
}

export function pickEvidenceLine(text: string, pattern: string): string | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    return undefined;
  }
  const matching = lines.find((line) => regex.test(line));
  if (matching !== undefined) return matching;
  const literal = leadingLiteral(pattern);
  if (literal.length >= 3) return lines.find((line) => line.includes(literal));
  return undefined;
}
