// Rules across entries: ids are unique, `shares-with` names existing entries and is mutual, and no
// entry's match example is claimed by another entry unless the two declare the shared line.
import type { Issue } from './issue.js';
import type { ValidatedEntry } from './validate-entry.js';
import { matchExample } from './match-example.js';

export function validateRuleSet(entries: readonly ValidatedEntry[], normalize: (line: string) => string): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, ValidatedEntry[]>();
  for (const entry of entries) byId.set(entry.parsed.id, [...(byId.get(entry.parsed.id) ?? []), entry]);

  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const entry of same.slice(1)) {
      issues.push({
        file: entry.parsed.file,
        line: 1,
        column: 1,
        code: 'duplicate-id',
        message: `Unexpected second entry with id \`${id}\` (first: ${same[0]?.parsed.file}), expected unique file names across the KB`,
      });
    }
  }

  const compiled = entries.flatMap((e) => (e.compiled ? [e.compiled] : []));
  const shares = (a: string, b: string) =>
    compiled.find((e) => e.id === a)?.sharesWith.includes(b) === true &&
    compiled.find((e) => e.id === b)?.sharesWith.includes(a) === true;

  for (const entry of entries) {
    const own = entry.compiled;
    if (!own) continue;
    for (const [index, other] of own.sharesWith.entries()) {
      const target = compiled.find((e) => e.id === other);
      const why =
        other === own.id
          ? 'an entry cannot share with itself'
          : !byId.has(other)
            ? 'no entry has that id'
            : target && !target.sharesWith.includes(own.id)
              ? `\`${other}\` does not list \`${own.id}\` back`
              : undefined;
      if (why) {
        issues.push({
          file: entry.parsed.file,
          ...entry.parsed.locate(['shares-with', index]),
          code: 'shares-with-invalid',
          message: `Unexpected \`shares-with\` entry \`${other}\`: ${why}, expected mutual declarations between existing entries`,
        });
      }
    }
  }

  const matchers = compiled.map((e) => ({ id: e.id, regexes: e.signatures.map((s) => new RegExp(s.regex)) }));
  for (const entry of entries) {
    const own = entry.compiled;
    if (!own) continue;
    for (const [index, example] of own.examples.match.entries()) {
      const line = normalize(example.text);
      for (const other of matchers) {
        if (other.id === own.id || shares(own.id, other.id)) continue;
        const hit = matchExample(other.regexes, line);
        if (!hit) continue;
        issues.push({
          file: entry.parsed.file,
          ...entry.parsed.locate(['examples', 'match', index, 'text']),
          code: 'example-claimed-by-other-entry',
          message: `Unexpected match of this example by \`${other.id}\` (signature ${hit.signature + 1}), expected only this entry to match, or both entries to list each other in \`shares-with\``,
        });
      }
    }
  }
  return issues;
}
