// The one diagnosis session behind every front end. It drives the matcher over log text (pipe
// mode's chunks, the TUI's pastes) and owns every decision between a matched line and what a user
// is shown: --ignore, benign lines, weak lines, suggestion folding and caps, probe-once, host
// values and facts, verdicts the log's own versions decide, ranking and the summary. Front ends
// are sinks of its events and decide nothing: pipe text and --json render them as they come
// (src/report/report-sink.ts), the TUI keeps them as cards (src/ui/paste-session.ts).
//
// Events come out in input order even when an earlier entry's probes take longer. A diagnosis
// is emitted once its entry's probes answered (they run once per entry); a repeat only raises
// the count the summary shows. Nothing read from the log is executed or passed to a probe:
// probes get the KB entry only.
import type { CompiledEntry, VersionedComponent } from '../kb/types.js';
import { FindingGroups } from '../match/group.js';
import { MAX_LINE_BYTES } from '../match/line-scanner.js';
import type { LogVersion } from '../match/read-log-versions.js';
import { StreamMatcher, type Matcher, type MatchedLine } from '../match/stream-matcher.js';
import { judgeEntry } from '../probe/judge-entry.js';
import { diagnose } from './diagnose.js';
import type { HostFacts } from './fix-fits-host.js';
import type { HostProbing } from './host-probing.js';
import { hostValueNames } from './host-value-names.js';
import { withLogVersions } from './judge-log-versions.js';
import { probeOnce, type ProbeFn } from './probe-once.js';
import { suggestionKey } from './suggestion-key.js';
import { summarizeSession, type SessionSummary } from './summarize-session.js';
import type { Diagnosis, Suggestion, Summary } from './types.js';
import type { Finding } from '../match/finding.js';
import type { ProbeResult } from '../probe/types.js';
import { MAX_BEST_GUESS_SCORE, type SuggestionCandidate } from '../search/types.js';

/** How many recent lines with a non-weak match are remembered (memory stays flat). */
const MAX_STRONG_LINES = 4096;

/** Distinct weak lines judged per run: their probes run once per entry, so more adds nothing. */
const MAX_WEAK_LINES = 1000;

/** A weak signature's entry is a closer guess than any shared-words guess could be. */
const WEAK_MATCH_SCORE = 0.1;

/** A noisy log (or a pasted one) must not produce thousands of guesses. */
export const MAX_SUGGESTIONS = 20;
const MAX_CUT_WARNINGS = 10;

/** A paste of a few words with no error line in it is read as a description of the symptom. */
const MIN_PROSE_WORDS = 3;
const MAX_PROSE_CHARS = 400;

/** A finding whose entry's probes are still running. */
export interface PendingDiagnosis {
  key: string;
  entry: CompiledEntry;
  line: number;
}

export type { SessionSummary } from './summarize-session.js';

/**
 * What a session tells its front ends. `key` names one finding or suggestion for the whole run,
 * so a front end that keeps state (the TUI's cards) can replace what a later event updates.
 */
export type SessionEvent =
  /** a new finding; its probes are running */
  | ({ type: 'found' } & PendingDiagnosis)
  /** the finding's diagnosis with what the host said */
  | { type: 'diagnosis'; key: string; diagnosis: Diagnosis }
  /** an earlier diagnosis judged again (the log stated a version later): the one that stands */
  | { type: 'verdict-updated'; key: string; diagnosis: Diagnosis }
  /** an error-looking line no signature named, or a weak line no probe confirmed */
  | { type: 'suggestion'; key: string; suggestion: Suggestion }
  /** end of input: the ranked summary */
  | ({ type: 'summary' } & SessionSummary);

export type SessionSink = (event: SessionEvent) => void;

export interface DiagnosisSessionOptions {
  matcher: Matcher;
  /** entry ids whose matches are dropped (`--ignore`); their lines are not suggestions either */
  ignore?: ReadonlySet<string> | undefined;
  /** absent with --no-probe: every verdict is then unknown */
  probe?: HostProbing['probe'] | undefined;
  /** absent with --no-probe: what decides which fixes fit the host (systemd or not) */
  hostFacts?: HostProbing['hostFacts'] | undefined;
  /** absent with --no-probe: values the entry's fixes name, computed from the host */
  hostValues?: HostProbing['hostValues'] | undefined;
  /** the nearest entries to an unmatched error line */
  suggest: (text: string) => SuggestionCandidate[] | Promise<SuggestionCandidate[]>;
  /** entries whose symptoms fit a description in words, for a paste that is prose (the TUI) */
  describe?: ((text: string) => SuggestionCandidate[]) | undefined;
  /** one line for stderr, without the newline; absent: nothing is said (the TUI owns the screen) */
  warn?: ((message: string) => void) | undefined;
}

interface FoundState {
  key: string;
  entry: CompiledEntry;
  finding: Finding;
  /** what the host probes said, kept to judge again when the log states a version */
  probes?: ProbeResult[];
  hostValues?: Record<string, string>;
  /** the diagnosis as last emitted */
  diagnosis?: Diagnosis;
}

export class DiagnosisSession {
  private readonly matcher: StreamMatcher;
  private readonly entries: readonly CompiledEntry[];
  private readonly ignore: ReadonlySet<string>;
  private readonly groups = new FindingGroups();
  private readonly found = new Map<Finding, FoundState>();
  private readonly logVersions = new Map<VersionedComponent, string>();
  private bestGuess: Summary['guess'];
  /** looked at once (systemd or not); nothing is known without probes */
  /** looked at once, when the first diagnosis needs them (a log with none never runs dpkg) */
  private factsAsked: Promise<HostFacts> | undefined;
  /** lines a non-weak signature matched (bounded by the findings, which are deduplicated) */
  private readonly strongLines = new Set<number>();
  /** weak lines already turned into a guess or a diagnosis: each is judged once */
  private readonly weakKeys = new Set<string>();
  private readonly suggestionKeys = new Set<string>();
  private readonly probe: ProbeFn;
  private readonly encoder = new TextEncoder();
  private tail: Promise<void> = Promise.resolve();
  private cutLines = 0;
  private keys = 0;
  /** lines that matched or looked like an error; a paste without any may be prose */
  private recognised = 0;

  constructor(
    private readonly options: DiagnosisSessionOptions,
    private readonly emit: SessionSink,
  ) {
    this.probe = probeOnce(options.probe);
    this.ignore = options.ignore ?? new Set();
    this.entries = options.matcher.table.entries;
    this.matcher = new StreamMatcher(options.matcher, {
      onMatch: (match) => this.onMatch(match),
      onUnmatchedError: (line, text) => this.onUnmatchedError(line, text),
      onCutLine: (line) => this.onCutLine(line),
      onVersion: (version) => this.onVersion(version),
    });
  }

  get linesRead(): number {
    return this.matcher.linesRead;
  }

  /** Log bytes as they arrive (pipe mode): lines may be split anywhere between chunks. */
  push(chunk: Uint8Array): void {
    this.matcher.push(chunk);
  }

  /**
   * One paste (the TUI): a missing final newline is added so that its last line is read now.
   * Text in which nothing matched and nothing looked like an error may be the symptom in words.
   */
  paste(text: string): void {
    const complete = /[\r\n]$/.test(text) ? text : `${text}\n`;
    const before = this.recognised;
    const firstLine = this.matcher.linesRead + 1;
    this.matcher.push(this.encoder.encode(complete.replaceAll(/\r\n?/g, '\n')));
    if (this.recognised === before) this.describeProse(firstLine, text);
  }

  /** Resolves when every event of the input read so far is out (probes done). */
  async settled(): Promise<void> {
    // a task may queue another (a weak line a probe confirmed): wait until the queue stays empty
    for (let tail = this.tail; ; tail = this.tail) {
      await tail;
      if (tail === this.tail) return;
    }
  }

  private facts(): Promise<HostFacts> {
    this.factsAsked ??= (this.options.hostFacts?.() ?? Promise.resolve({})).catch(() => ({}));
    return this.factsAsked;
  }

  /** End of input (or an interrupt): waits for pending diagnoses, then emits the summary. */
  async finish(): Promise<SessionSummary> {
    this.matcher.end();
    await this.settled();
    if (this.cutLines > MAX_CUT_WARNINGS) {
      this.options.warn?.(
        `${this.cutLines} lines longer than ${MAX_LINE_BYTES} bytes were cut in all`,
      );
    }
    const result = summarizeSession({
      diagnosed: [...this.found.values()].flatMap(({ entry, finding, diagnosis }) =>
        diagnosis ? [{ entry, finding, diagnosis }] : [],
      ),
      lines: this.matcher.linesRead,
      suggestions: this.suggestionKeys.size,
      guess: this.bestGuess,
      // only diagnoses need them: a log with none never asked
      facts: this.factsAsked ? await this.factsAsked : {},
    });
    this.emit({ type: 'summary', ...result });
    return result;
  }

  private onMatch(match: MatchedLine): void {
    this.recognised++;
    const entry = this.entries[match.entryIndex]!;
    // an ignored entry's line and a benign line are recognised (so not suggested) and need no
    // diagnosis
    if (this.ignore.has(entry.id) || entry.role === 'benign') return;
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
    const state: FoundState = { key: `diagnosis-${++this.keys}`, entry, finding };
    this.found.set(finding, state);
    this.emit({ type: 'found', key: state.key, entry, line: finding.firstLine });
    const valued = this.hostValuesFor(entry, finding.captures);
    this.enqueue(async () => {
      state.probes = await probed;
      state.hostValues = await valued;
      state.diagnosis = await this.judge(state);
      this.emit({ type: 'diagnosis', key: state.key, diagnosis: state.diagnosis });
    });
  }

  /** The finding's diagnosis from its probes, the versions the log stated so far and the host. */
  private async judge(state: FoundState): Promise<Diagnosis> {
    const { entry, finding } = state;
    const judged = withLogVersions(entry, state.probes ?? [], this.logVersions);
    return diagnose(entry, finding, judged, state.hostValues, await this.facts());
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
      this.considerGuess(candidate, match.line);
      this.emitSuggestion({ line: match.line, text: match.text, candidates: [candidate] });
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

  /**
   * The first statement of each component's version wins: it is the one nearest the start. A
   * diagnosis already out whose entry's `affects` names the component is judged again.
   */
  private onVersion({ component, version }: LogVersion): void {
    if (this.logVersions.has(component)) return;
    this.logVersions.set(component, version);
    const affected = [...this.found.values()].filter(
      (state) => state.entry.affects[component] !== undefined,
    );
    if (affected.length > 0) this.enqueue(() => this.judgeAgain(affected));
  }

  /** Judges diagnoses again with the versions stated since; emits those that read differently. */
  private async judgeAgain(states: readonly FoundState[]): Promise<void> {
    for (const state of states) {
      const before = state.diagnosis;
      if (!before) continue;
      const after = await this.judge(state);
      state.diagnosis = after;
      if (
        after.verdict !== before.verdict ||
        after.reason !== before.reason ||
        JSON.stringify(after.probes) !== JSON.stringify(before.probes)
      ) {
        this.emit({ type: 'verdict-updated', key: state.key, diagnosis: after });
      }
    }
  }

  private onUnmatchedError(line: number, text: string): void {
    this.recognised++;
    if (this.suggestionKeys.size >= MAX_SUGGESTIONS) return;
    const key = suggestionKey(text);
    if (this.suggestionKeys.has(key)) return;
    this.suggestionKeys.add(key);
    if (this.suggestionKeys.size === MAX_SUGGESTIONS) this.matcher.reportUnmatchedErrors = false;
    this.enqueue(async () => {
      const candidates = await this.options.suggest(text);
      const [first] = candidates;
      if (first && first.score <= MAX_BEST_GUESS_SCORE) this.considerGuess(first, line);
      this.emitSuggestion({ line, text, candidates });
    });
  }

  /** Nothing matched and nothing looked like an error: maybe it is the symptom in words. */
  private describeProse(line: number, text: string): void {
    const prose = text.replace(/\s+/g, ' ').trim().slice(0, MAX_PROSE_CHARS);
    if (!this.options.describe || prose.split(' ').length < MIN_PROSE_WORDS) return;
    const candidates = this.options.describe(prose);
    if (candidates.length === 0) return;
    this.enqueue(async () => this.emitSuggestion({ line, text: prose, candidates }));
  }

  private considerGuess(candidate: SuggestionCandidate, line: number): void {
    if (!this.bestGuess || candidate.score < this.bestGuess.score) {
      this.bestGuess = { ...candidate, line };
    }
  }

  private emitSuggestion(suggestion: Suggestion): void {
    this.emit({ type: 'suggestion', key: `suggestion-${++this.keys}`, suggestion });
  }

  private onCutLine(line: number): void {
    this.cutLines++;
    if (this.cutLines <= MAX_CUT_WARNINGS) {
      this.options.warn?.(`line ${line} longer than ${MAX_LINE_BYTES} bytes was cut`);
    }
  }

  /** Events stay in input order even when an earlier entry's probes take longer. */
  private enqueue(task: () => Promise<void>): void {
    // one event failing to build must not hold back the events after it
    this.tail = this.tail.then(task).catch((error: unknown) => {
      this.options.warn?.(error instanceof Error ? error.message : String(error));
    });
  }
}
