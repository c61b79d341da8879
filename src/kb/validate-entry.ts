// Checks one parsed entry against every rule that needs only the entry itself, and compiles it.
// Rules that look across entries (duplicate ids, shared lines, examples claimed by another entry)
// live in validate-rule-set.ts.
import type { Issue, IssueCode } from './issue.js';
import type { ParsedEntry, YamlPath } from './parse-entry.js';
import type { CompiledEntry, CompiledSignature, EntrySource, ProbeSpec } from './types.js';
import { checkShape, isPlainObject } from './check-shape.js';
import { CONDITIONS_BY_KIND, ENTRY_SHAPE, REQUIRED_SECTIONS, SECTIONS } from './entry-schema.js';
import { captureNames, regexProblem } from './check-regex.js';
import { checkRegexSafety } from './check-regex-safety.js';
import { deriveLiteral, literalProblem } from './derive-literal.js';
import { toEre } from './to-ere.js';
import { COMMON_CAPTURE_PATTERNS } from './capture-patterns.js';
import { matchExample } from './match-example.js';
import { refuseCommand } from '../probe/kinds/command-allowlist.js';

export interface ValidateOptions {
  /** applied to example text before matching, so examples are tested as pipe mode sees lines */
  normalize: (line: string) => string;
  /** run the (slow) catastrophic-backtracking analysis */
  checkSafety: boolean;
}

export interface ValidatedEntry {
  parsed: ParsedEntry;
  /** undefined when the entry is too broken to compile */
  compiled: CompiledEntry | undefined;
  issues: Issue[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function validateEntry(parsed: ParsedEntry, options: ValidateOptions): ValidatedEntry {
  const issues: Issue[] = [...parsed.issues];
  const report = (code: IssueCode, path: YamlPath, message: string, which: 'value' | 'key' = 'value') =>
    issues.push({ file: parsed.file, ...parsed.locate(path, which), code, message });

  if (!KEBAB.test(parsed.id)) {
    issues.push({
      file: parsed.file,
      line: 1,
      column: 1,
      code: 'id-invalid',
      message: `Unexpected file name \`${parsed.id}.md\`, expected a kebab-case id such as \`max-user-namespaces-too-low.md\``,
    });
  }
  if (parsed.data === undefined) return { parsed, compiled: undefined, issues };

  for (const problem of checkShape(parsed.data, ENTRY_SHAPE)) {
    report(problem.code, problem.path, problem.message, problem.atKey ? 'key' : 'value');
  }
  checkSections(parsed, issues);
  if (!isPlainObject(parsed.data)) return { parsed, compiled: undefined, issues };
  const source = parsed.data as Partial<EntrySource>;

  const signatures = compileSignatures(source, options, report);
  const patterns = capturePatterns(source, signatures.regexes, report);
  checkFixes(source, signatures.regexes, report);
  checkProbes(source, report);
  checkExamples(source, signatures.regexes, signatures.compiled, options, report);

  const broken = issues.some((issue) => issue.code !== 'section-order');
  const compiled = broken ? undefined : buildEntry(parsed, source as EntrySource, signatures.compiled, patterns);
  return { parsed, compiled, issues };
}

type Report = (code: IssueCode, path: YamlPath, message: string, which?: 'value' | 'key') => void;

function compileSignatures(source: Partial<EntrySource>, options: ValidateOptions, report: Report) {
  const regexes: (RegExp | undefined)[] = [];
  const compiled: CompiledSignature[] = [];
  for (const [index, item] of arrayOf(source.signatures).entries()) {
    const signature = isPlainObject(item) ? item : {};
    const regex = signature.regex;
    if (typeof regex !== 'string') {
      regexes.push(undefined);
      continue;
    }
    const problem = regexProblem(regex);
    if (problem) {
      report('regex-invalid', ['signatures', index, 'regex'], problem);
      regexes.push(undefined);
      continue;
    }
    if (options.checkSafety) {
      const safety = checkRegexSafety(regex);
      if (!safety.safe) report('regex-unsafe', ['signatures', index, 'regex'], safety.reason);
    }
    const derived = deriveLiteral(regex);
    const given = typeof signature.literal === 'string' ? signature.literal : undefined;
    const literal = given ?? derived.literal;
    if (given !== undefined) {
      const why = literalProblem(given);
      if (why) report('literal-invalid', ['signatures', index, 'literal'], `Unexpected literal \`${given}\`: ${why}`);
    } else if (literal === undefined) {
      report(
        'literal-invalid',
        ['signatures', index, 'regex'],
        `Unexpected regex without a required plain run of 3 or more characters (\`${regex}\`), expected a \`literal:\` every match contains, or one signature per alternative`,
      );
    }
    regexes.push(new RegExp(regex));
    compiled.push({ regex, literal: literal ?? '', ere: toEre(regex), specificity: derived.specificity });
  }
  return { regexes, compiled };
}

function capturePatterns(source: Partial<EntrySource>, regexes: (RegExp | undefined)[], report: Report) {
  const own = isPlainObject(source.captures) ? (source.captures as Record<string, unknown>) : {};
  const patterns: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(own)) {
    if (typeof pattern !== 'string') continue;
    const problem = regexProblem(pattern);
    if (problem) report('regex-invalid', ['captures', name], problem);
  }
  for (const [index, regex] of regexes.entries()) {
    if (!regex) continue;
    for (const name of captureNames(regex.source)) {
      const pattern = typeof own[name] === 'string' ? (own[name] as string) : COMMON_CAPTURE_PATTERNS[name];
      if (pattern === undefined) {
        report(
          'capture-pattern-missing',
          ['signatures', index, 'regex'],
          `Unexpected capture \`${name}\` without a pattern, expected an entry under \`captures:\` (common names: ${Object.keys(COMMON_CAPTURE_PATTERNS).join(', ')})`,
        );
      } else {
        patterns[name] = pattern;
      }
    }
  }
  return patterns;
}

function checkFixes(source: Partial<EntrySource>, regexes: (RegExp | undefined)[], report: Report) {
  const defined = regexes.filter((r): r is RegExp => r !== undefined).map((r) => new Set(captureNames(r.source)));
  for (const [index, fix] of arrayOf(source.fixes).entries()) {
    const command = isPlainObject(fix) && typeof fix.command === 'string' ? fix.command : '';
    for (const [, name] of command.matchAll(PLACEHOLDER)) {
      if (!name || defined.every((names) => names.has(name))) continue;
      report(
        'capture-undefined',
        ['fixes', index, 'command'],
        `Unexpected placeholder \`{{${name}}}\`, expected a capture that every signature defines as \`(?<${name}>…)\``,
      );
    }
  }
}

function checkProbes(source: Partial<EntrySource>, report: Report) {
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

function checkExamples(
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

function checkSections(parsed: ParsedEntry, issues: Issue[]) {
  const titles = parsed.sections.map((s) => s.title);
  let last = -1;
  for (const section of parsed.sections) {
    const order = (SECTIONS as readonly string[]).indexOf(section.title);
    if (order === -1 || order < last) {
      issues.push({
        file: parsed.file,
        ...section.position,
        code: 'section-order',
        message: `Unexpected section \`## ${section.title}\`${order === -1 ? '' : ' here'}, expected the sections ${SECTIONS.map((s) => `\`## ${s}\``).join(', ')} in that order`,
      });
    }
    last = Math.max(last, order);
  }
  for (const required of REQUIRED_SECTIONS) {
    if (titles.includes(required)) continue;
    const after = parsed.sections[0]?.position ?? { line: 1, column: 1 };
    issues.push({
      file: parsed.file,
      ...after,
      code: 'section-missing',
      message: `Missing section \`## ${required}\`, expected it in the body after the front matter`,
    });
  }
}

function buildEntry(
  parsed: ParsedEntry,
  source: EntrySource,
  signatures: CompiledSignature[],
  captures: Record<string, string>,
): CompiledEntry {
  const section = (title: string) => parsed.sections.find((s) => s.title === title)?.body;
  const entry: CompiledEntry = {
    id: parsed.id,
    title: source.title,
    summary: source.summary,
    severity: source.severity,
    role: source.role ?? 'cause',
    tags: source.tags,
    keywords: source.keywords,
    signatures,
    captures,
    sharesWith: source['shares-with'] ?? [],
    probes: source.probes ?? [],
    fixes: source.fixes,
    examples: { match: source.examples.match, noMatch: source.examples['no-match'] },
    links: source.links,
    cause: section('Cause') ?? '',
    fix: section('Fix') ?? '',
  };
  const verify = section('Verify');
  const notes = section('Notes');
  if (verify) entry.verify = verify;
  if (notes) entry.notes = notes;
  return entry;
}

function sameCaptures(expected: Record<string, unknown>, actual: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].every((key) => String(expected[key] ?? '') === (actual[key] ?? '') && key in actual === key in expected);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
