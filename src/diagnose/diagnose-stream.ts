// Pipe mode without the I/O: chunks in, report text out through `write`, in order. A diagnosis is
// written as soon as the first line of its finding arrives (after that entry's probes, which run
// once per entry); repeats only raise the count shown in the summary, written by finish().
import type { CompiledEntry } from '../kb/types.js';
import { ExitCode } from '../exit-codes.js';
import { FindingGroups } from '../match/group.js';
import { MAX_LINE_BYTES } from '../match/line-scanner.js';
import { rankDiagnoses } from '../match/rank.js';
import { StreamMatcher, type Matcher, type MatchedLine } from '../match/stream-matcher.js';
import type { Reporter } from '../report/reporter.js';
import { diagnose } from './diagnose.js';
import { probeOnce, type ProbeFn } from './probe-once.js';
import { withLogVersions } from './judge-log-versions.js';
import { fixFitsHost, type HostFacts } from './fix-fits-host.js';
import { judgeEntry } from '../probe/judge-entry.js';
import { hostValueNames } from './host-value-names.js';
import type { LogVersion } from '../match/read-log-versions.js';
import type { VersionedComponent } from '../kb/types.js';
import type { Diagnosis, Finding, ProbeResult, SuggestionCandidate, Summary } from './types.js';

/** A suggestion's candidate only becomes the summary's one best guess when it is this close. */
const MAX_GUESS_SCORE = 0.6;

/** How many recent lines with a non-weak match are remembered (memory stays flat). */
const MAX_STRONG_LINES = 4096;

/** Distinct weak lines judged per run: their probes run once per entry, so more adds nothing. */
const MAX_WEAK_LINES = 1000;

/** A weak signature's entry is a closer guess than any shared-words guess could be. */
const WEAK_MATCH_SCORE = 0.1;

/** A noisy log must not produce thousands of guesses. */
export const MAX_SUGGESTIONS = 20;
const MAX_CUT_WARNINGS = 10;

export interface DiagnoseStreamOptions {
  matcher: Matcher;
  /** entry ids whose matches are dropped (`--ignore`); their lines are not suggestions either */
  ignore: ReadonlySet<string>;
  /** absent with --no-probe: every verdict is then unknown */
  probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
  /** absent with --no-probe: what decides which fixes fit the host (systemd or not) */
  hostFacts?: () => Promise<HostFacts>;
  /** absent with --no-probe: values the entry's fixes name, computed from the host */
  hostValues?: (
    names: ReadonlySet<string>,
    captures: Record<string, string>,
  ) => Promise<Record<string, string>>;
  /** the nearest entries to an unmatched error line */
  suggest: (text: string) => Promise<SuggestionCandidate[]>;
  reporter: Reporter;
  write: (text: string) => void;
  /** one line for stderr, without the newline */
  warn: (message: string) => void;
}

export interface DiagnoseResult {
  summary: Summary;
  exitCode: ExitCode;
}

export class DiagnoseStream {
  private readonly matcher: StreamMatcher;
  private readonly entries: readonly CompiledEntry[];
  private readonly groups = new FindingGroups();
  private readonly diagnoses = new Map<Finding, Diagnosis>();
  /** what the host probes said per finding, kept to judge again when the log states a version */
  private readonly probeResults = new Map<Finding, ProbeResult[]>();
  private readonly logVersions = new Map<VersionedComponent, string>();
  private readonly hostValues = new Map<Finding, Record<string, string>>();
  private bestGuess: Summary['guess'];
  /** looked at once, for the first diagnosis (systemd or not); nothing is known without probes */
  private factsAsked: Promise<HostFacts> | undefined;
  private factsSeen: HostFacts = {};
  /** lines a non-weak signature matched (bounded by the findings, which are deduplicated) */
  private readonly strongLines = new Set<number>();
  /** weak lines already turned into a guess or a diagnosis: each is judged once */
  private readonly weakKeys = new Set<string>();
  private readonly suggestionKeys = new Set<string>();
  private readonly probe: ProbeFn;
  private tail: Promise<void> = Promise.resolve();
  private cutLines = 0;

  constructor(private readonly options: DiagnoseStreamOptions) {
    this.probe = probeOnce(options.probe);
    this.entries = options.matcher.table.entries;
    this.matcher = new StreamMatcher(options.matcher, {
      onMatch: (match) => this.onMatch(match),
      onUnmatchedError: (line, text) => this.onUnmatchedError(line, text),
      onCutLine: (line) => this.onCutLine(line),
      onVersion: (version) => this.onVersion(version),
    });
  }

  private facts(): Promise<HostFacts> {
    this.factsAsked ??= (this.options.hostFacts?.() ?? Promise.resolve({})).catch(() => ({}));
    return this.factsAsked;
  }

  push(chunk: Uint8Array): void {
    this.matcher.push(chunk);
  }

  /** End of input (or an interrupt): waits for pending diagnoses, then writes the summary. */
  async finish(): Promise<DiagnoseResult> {
    this.matcher.end();
    // a task may queue another (a weak line a probe confirmed): wait until the queue stays empty
    for (let tail = this.tail; ; tail = this.tail) {
      await tail;
      if (tail === this.tail) break;
    }
    if (this.cutLines > MAX_CUT_WARNINGS) {
      this.options.warn(
        `${this.cutLines} lines longer than ${MAX_LINE_BYTES} bytes were cut in all`,
      );
    }
    // only diagnoses need them: a log with none never asked
    if (this.factsAsked) this.factsSeen = await this.factsAsked;
    const ranked = this.rank();
    const summary: Summary = {
      lines: this.matcher.linesRead,
      diagnoses: ranked.map(({ id, count, verdict }) => ({ id, count, verdict })),
      suggestions: this.suggestionKeys.size,
    };
    const collect = ranked[0] && this.entries.find((entry) => entry.id === ranked[0]!.id)?.collect;
    if (collect && ranked[0]!.verdict !== 'ruled-out' && fixFitsHost(collect, this.factsSeen)) {
      summary.collect = { id: ranked[0]!.id, ...collect };
    }
    // nothing recognised: the closest any unrecognised line came to an entry is the one guess
    if (ranked.length === 0 && this.bestGuess) summary.guess = this.bestGuess;
    this.options.write(this.options.reporter.summary({ summary, ranked }));
    return { summary, exitCode: exitCodeOf(summary) };
  }

  private onMatch(match: MatchedLine): void {
    const entry = this.entries[match.entryIndex]!;
    // a benign line is recognised (so it is not suggested) and needs no diagnosis
    if (this.options.ignore.has(entry.id) || entry.role === 'benign') return;
    if (entry.signatures[match.signatureIndex]?.weak) {
      this.onWeakMatch(entry, match);
      return;
    }
    this.strongLines.add(match.line);
    // only recent lines matter (a weak line's guess is decided soon after its line was read)
    if (this.strongLines.size > MAX_STRONG_LINES) {
      this.strongLines.delete(this.strongLines.values().next().value!);
    }
    this.addFinding(entry, match, this.probe(entry));
  }

  private addFinding(
    entry: CompiledEntry,
    match: MatchedLine,
    probed: Promise<ProbeResult[]>,
  ): void {
    const finding = this.groups.add({ entryId: entry.id, ...match });
    if (!finding) return;
    const valued = this.hostValuesFor(entry, finding.captures);
    this.enqueue(async () => {
      const results = await probed;
      this.probeResults.set(finding, results);
      const values = await valued;
      this.hostValues.set(finding, values);
      const judged = withLogVersions(entry, results, this.logVersions);
      const diagnosis = diagnose(entry, finding, judged, values, await this.facts());
      this.diagnoses.set(finding, diagnosis);
      this.options.write(this.options.reporter.diagnosis(diagnosis));
    });
  }

  /**
   * A weak signature's line also appears on healthy or rootful hosts: it becomes a diagnosis only
   * when the entry's probes confirm the cause, and otherwise a guess that names the entry.
   */
  private onWeakMatch(entry: CompiledEntry, match: MatchedLine): void {
    const probed = this.probe(entry);
    const key = `${entry.id} ${suggestionKey(match.text)}`;
    // each weak line is judged once, and a log full of them is judged for its first ones only
    if (this.weakKeys.has(key) || this.weakKeys.size >= MAX_WEAK_LINES) return;
    this.weakKeys.add(key);
    this.enqueue(async () => {
      if (judgeEntry(entry.probes, await probed).verdict === 'confirmed') {
        this.addFinding(entry, match, probed);
        return;
      }
      // the same line already names a cause outright: a guess beside it would only be noise
      if (this.strongLines.has(match.line)) return;
      if (this.suggestionKeys.size >= MAX_SUGGESTIONS) return;
      this.suggestionKeys.add(key);
      const candidate = { id: entry.id, title: entry.title, score: WEAK_MATCH_SCORE };
      if (!this.bestGuess || candidate.score < this.bestGuess.score) {
        this.bestGuess = { ...candidate, line: match.line };
      }
      this.options.write(
        this.options.reporter.suggestion({
          line: match.line,
          text: match.text,
          candidates: [candidate],
        }),
      );
    });
  }

  private hostValuesFor(
    entry: CompiledEntry,
    captures: Record<string, string>,
  ): Promise<Record<string, string>> {
    const names = hostValueNames(entry);
    if (names.size === 0 || !this.options.hostValues) return Promise.resolve({});
    return this.options.hostValues(names, captures).catch(() => ({}));
  }

  /** The first statement of each component's version wins: it is the one nearest the start. */
  private onVersion({ component, version }: LogVersion): void {
    if (!this.logVersions.has(component)) this.logVersions.set(component, version);
  }

  private onUnmatchedError(line: number, text: string): void {
    if (this.suggestionKeys.size >= MAX_SUGGESTIONS) return;
    const key = suggestionKey(text);
    if (this.suggestionKeys.has(key)) return;
    this.suggestionKeys.add(key);
    if (this.suggestionKeys.size === MAX_SUGGESTIONS) this.matcher.reportUnmatchedErrors = false;
    this.enqueue(async () => {
      const candidates = await this.options.suggest(text);
      const [first] = candidates;
      if (
        first &&
        first.score <= MAX_GUESS_SCORE &&
        (!this.bestGuess || first.score < this.bestGuess.score)
      ) {
        this.bestGuess = { ...first, line };
      }
      this.options.write(this.options.reporter.suggestion({ line, text, candidates }));
    });
  }

  private onCutLine(line: number): void {
    this.cutLines++;
    if (this.cutLines <= MAX_CUT_WARNINGS) {
      this.options.warn(`line ${line} longer than ${MAX_LINE_BYTES} bytes was cut`);
    }
  }

  /** Output stays in input order even when an earlier entry's probes take longer. */
  private enqueue(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch((error: unknown) => {
      this.options.warn(error instanceof Error ? error.message : String(error));
    });
  }

  private rank(): Diagnosis[] {
    const items = this.groups.findings.flatMap((finding) => {
      const entry = this.entries.find((candidate) => candidate.id === finding.entryId)!;
      const written = this.diagnoses.get(finding);
      if (!written) return [];
      // a version stated after the failure line still counts for the summary's verdict
      const diagnosis =
        Object.keys(entry.affects).length === 0
          ? written
          : diagnose(
              entry,
              finding,
              withLogVersions(entry, this.probeResults.get(finding) ?? [], this.logVersions),
              this.hostValues.get(finding),
              this.factsSeen,
            );
      diagnosis.count = finding.count;
      diagnosis.line = finding.firstLine;
      diagnosis.lastLine = finding.lastLine;
      return [
        {
          diagnosis,
          verdict: diagnosis.verdict,
          role: entry.role,
          specificity: entry.signatures[finding.signature]?.specificity ?? 0,
          severity: diagnosis.severity,
          line: diagnosis.line,
        },
      ];
    });
    return foldSameEntry(rankDiagnoses(items).map((item) => item.diagnosis));
  }
}

/**
 * One entry found with different captured values (port 80, then port 443) is one cause: the summary
 * lists it once, where its best-ranked finding stands, with every occurrence counted.
 */
function foldSameEntry(ranked: readonly Diagnosis[]): Diagnosis[] {
  const first = new Map<string, Diagnosis>();
  for (const diagnosis of ranked) {
    const kept = first.get(diagnosis.id);
    if (!kept) {
      first.set(diagnosis.id, { ...diagnosis });
      continue;
    }
    kept.count += diagnosis.count;
    kept.lastLine = Math.max(kept.lastLine, diagnosis.lastLine);
  }
  return [...first.values()];
}

/** Numbers and long hex ids differ between repeats of the same error; they do not make it new. */
function suggestionKey(text: string): string {
  return text.replace(/\b[0-9a-f]{12,}\b|\d+/gi, '#');
}

function exitCodeOf(summary: Summary): ExitCode {
  if (summary.diagnoses.some((diagnosis) => diagnosis.verdict !== 'ruled-out')) {
    return ExitCode.found;
  }
  return summary.suggestions > 0 ? ExitCode.suggestionsOnly : ExitCode.ok;
}
