// Entry rules about examples: every match example is matched by one of the entry's signatures
// (after normalisation) with the expected captures and contains that signature's literal; no
// no-match example is matched.
import type { CompiledSignature, EntrySource } from './types.js';
import type { Report, ValidateOptions } from './validate-entry.js';
import { arrayOf, isPlainObject } from './check-shape.js';
import { matchExample } from './match-example.js';

export function checkExamples(
  source: Partial<EntrySource>,
  regexes: (RegExp | undefined)[],
  compiled: CompiledSignature[],
  options: ValidateOptions,
  report: Report,
) {
  const examples = isPlainObject(source.examples) ? source.examples : undefined;
  const usable = regexes.filter((r): r is RegExp => r !== undefined);
  if (usable.length !== regexes.length || usable.length === 0) return;
  for (const [index, example] of arrayOf(examples?.match).entries()) {
    if (!isPlainObject(example) || typeof example.text !== 'string') continue;
    const path = ['examples', 'match', index, 'text'];
    const line = options.normalize(example.text);
    const hit = matchExample(usable, line);
    if (!hit) {
      report('example-not-matched', path, `Unexpected example \`${example.text}\` that no signature of this entry matches, expected a match`);
      continue;
    }
    const literal = compiled[hit.signature]?.literal ?? '';
    if (literal && !line.toLowerCase().includes(literal.toLowerCase())) {
      report('literal-invalid', ['signatures', hit.signature, 'literal'], `Unexpected literal \`${literal}\` that match example ${index + 1} does not contain, expected a substring of every match`);
    }
    const expected = isPlainObject(example.captures) ? (example.captures as Record<string, unknown>) : undefined;
    if (expected && !sameCaptures(expected, hit.captures)) {
      report(
        'example-captures-differ',
        ['examples', 'match', index, 'captures'],
        `Unexpected captures ${JSON.stringify(hit.captures)} for example ${index + 1}, expected ${JSON.stringify(expected)}`,
      );
    }
  }
  for (const [index, text] of arrayOf(examples?.['no-match']).entries()) {
    if (typeof text !== 'string') continue;
    const hit = matchExample(usable, options.normalize(text));
    if (hit) {
      report(
        'no-match-example-matched',
        ['examples', 'no-match', index],
        `Unexpected match of no-match example \`${text}\` by signature ${hit.signature + 1} (\`${usable[hit.signature]?.source}\`), expected no signature to match`,
      );
    }
  }
}

function sameCaptures(expected: Record<string, unknown>, actual: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].every((key) => String(expected[key] ?? '') === (actual[key] ?? '') && key in actual === key in expected);
}
