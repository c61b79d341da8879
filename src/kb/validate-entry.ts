// Checks one parsed entry against every rule that needs only the entry itself, and compiles it.
// Rules that look across entries (duplicate ids, shared lines, examples claimed by another entry)
// live in validate-rule-set.ts.
import type { Issue, IssueCode } from './issue.js';
import type { ParsedEntry, YamlPath } from './parse-entry.js';
import type { CompiledEntry, CompiledSignature, EntrySource } from './types.js';
import { checkShape, isPlainObject } from './check-shape.js';
import { entryShape } from './entry-schema.js';
import type { ProbeKindSchemas } from './probe-kind-schema.js';
import type { Safety } from './regex-safety-cache.js';
import {
  capturePatterns,
  checkCaptureConditions,
  checkFixes,
  compileSignatures,
} from './validate-signatures.js';
import { checkProbes } from './validate-probes.js';
import { affectsProbes, checkAffects } from './validate-affects.js';
import { checkFixSafety } from './validate-fix-safety.js';
import { checkExamples } from './validate-examples.js';
import { checkSections } from './validate-sections.js';

export interface ValidateOptions {
  /** applied to example text before matching, so examples are tested as pipe mode sees lines */
  normalize: (line: string) => string;
  /** run the (slow) catastrophic-backtracking analysis */
  checkSafety: boolean;
  /** judges one regex when checkSafety is on; default: checkRegexSafety (the user's cache) */
  safety?: (regex: string) => Safety;
  /** the probe kinds the KB may use: src/probe/probe-kinds.ts */
  probeKinds: ProbeKindSchemas;
}

export interface ValidatedEntry {
  parsed: ParsedEntry;
  /** undefined when the entry is too broken to compile */
  compiled: CompiledEntry | undefined;
  issues: Issue[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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

  for (const problem of checkShape(parsed.data, entryShape(options.probeKinds))) {
    report(problem.code, problem.path, problem.message, problem.atKey ? 'key' : 'value');
  }
  checkSections(parsed, issues);
  if (!isPlainObject(parsed.data)) return { parsed, compiled: undefined, issues };
  const source = parsed.data as Partial<EntrySource>;

  const signatures = compileSignatures(source, options, report);
  const patterns = capturePatterns(source, signatures.regexes, report);
  checkFixes(source, signatures.regexes, report);
  checkCaptureConditions(source, signatures.regexes, report);
  checkProbes(source, options.probeKinds, report);
  checkAffects(source, report);
  checkFixSafety(source, report);
  checkExamples(source, signatures.regexes, signatures.compiled, options, report);

  const broken = issues.some((issue) => issue.code !== 'section-order');
  const compiled = broken ? undefined : buildEntry(parsed, source as EntrySource, signatures.compiled, patterns);
  return { parsed, compiled, issues };
}

export type Report = (code: IssueCode, path: YamlPath, message: string, which?: 'value' | 'key') => void;

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
    probes: [...(source.probes ?? []), ...affectsProbes(source.affects ?? {})],
    affects: source.affects ?? {},
    symptoms: source.symptoms ?? [],
    fixes: source.fixes,
    examples: { match: source.examples.match, noMatch: source.examples['no-match'] },
    links: source.links,
    cause: section('Cause') ?? '',
    fix: section('Fix') ?? '',
  };
  const verify = section('Verify');
  const notes = section('Notes');
  if (source.collect) entry.collect = source.collect;
  if (verify) entry.verify = verify;
  if (notes) entry.notes = notes;
  return entry;
}
