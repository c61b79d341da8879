// The one edit distance of the project's "did you mean": entry ids (find-nearest-ids.ts) and
// command words (commands/nearest-command.ts). Optimal string alignment: an insertion, a deletion,
// a substitution or a swap of two adjacent letters (`chekc`) is one edit each.

/** Beyond this length difference the answer is only "far" (Infinity): nothing typed is that off. */
export function editDistance(a: string, b: string, maxLengthDifference = Infinity): number {
  if (Math.abs(a.length - b.length) > maxLengthDifference) return Infinity;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}
