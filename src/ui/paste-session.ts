// What happens to pasted text: the matcher's own pieces (StreamMatcher, FindingGroups, diagnose)
// run over it as if it were a log, across pastes, so the same error pasted twice is one card.
// Pipe mode's DiagnoseStream writes report text; the TUI needs the objects and the in-between
// state (probes running), hence this small driver instead of reusing that one.
//
// Nothing pasted is executed or passed to a probe: probes get the KB entry only.
import type { Diagnosis, ProbeResult, Suggestion, SuggestionCandidate } from '../diagnose/types.js';
import { diagnose } from '../diagnose/diagnose.js';
import { probeOnce, type ProbeFn } from '../diagnose/probe-once.js';
import { judgeEntry } from '../probe/judge-entry.js';
import type { HostProbing } from '../diagnose/host-probing.js';
import type { HostFacts } from '../diagnose/fix-fits-host.js';
import { hostValueNames } from '../diagnose/host-value-names.js';
// pipe mode's cap on guesses: a pasted log full of noise must not flood the screen either
import { MAX_SUGGESTIONS } from '../diagnose/diagnose-stream.js';
import type { CompiledEntry } from '../kb/types.js';
import { FindingGroups } from '../match/group.js';
import { StreamMatcher, type Matcher, type MatchedLine } from '../match/stream-matcher.js';

export interface PendingDiagnosis {
  key: string;
  entry: CompiledEntry;
  line: number;
}

export type Card =
  | { kind: 'diagnosis'; key: string; diagnosis: Diagnosis }
  | { kind: 'suggestion'; key: string; suggestion: Suggestion };

export interface PasteSessionEvents {
  /** a new finding whose probes are running */
  onPending(pending: PendingDiagnosis): void;
  /** a finished card, in input order */
  onCard(card: Card): void;
}

export interface PasteSessionOptions {
  matcher: Matcher;
  ignore?: ReadonlySet<string>;
  probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
  /** values fixes name, computed from the host (`{{free_subid_range}}`) */
  hostValues?: HostProbing['hostValues'] | undefined;
  /** what decides which fixes fit the host */
  hostFacts?: (() => Promise<HostFacts>) | undefined;
  suggest: (text: string) => SuggestionCandidate[];
  /** entries whose symptoms fit a description in words, for a paste that is prose, not a log */
  describe?: (text: string) => SuggestionCandidate[];
}

/** A paste of a few words with no error line in it is read as a description of the symptom. */
const MIN_PROSE_WORDS = 3;
const MAX_PROSE_CHARS = 400;

export class PasteSession {
  private readonly matcher: StreamMatcher;
  private readonly groups = new FindingGroups();
  private readonly suggested = new Set<string>();
  private readonly probe: ProbeFn;
  private readonly encoder = new TextEncoder();
  private tail: Promise<void> = Promise.resolve();
  private cards = 0;

  constructor(
    private readonly options: PasteSessionOptions,
    private readonly events: PasteSessionEvents,
  ) {
    this.probe = probeOnce(options.probe);
    this.matcher = new StreamMatcher(options.matcher, {
      onMatch: (match) => this.onMatch(match),
      onUnmatchedError: (line, text) => this.onUnmatchedError(line, text),
      onCutLine: () => {},
    });
  }

  get linesRead(): number {
    return this.matcher.linesRead;
  }

  /** One paste; a missing final newline is added so that its last line is read now. */
  paste(text: string): void {
    const complete = /[\r\n]$/.test(text) ? text : `${text}\n`;
    const before = this.cards;
    const firstLine = this.matcher.linesRead + 1;
    this.matcher.push(this.encoder.encode(complete.replaceAll(/\r\n?/g, '\n')));
    if (this.cards === before) this.describeProse(firstLine, text);
  }

  /** Nothing matched and nothing looked like an error: maybe it is the symptom in words. */
  private describeProse(line: number, text: string): void {
    const prose = text.replace(/\s+/g, ' ').trim().slice(0, MAX_PROSE_CHARS);
    if (!this.options.describe || prose.split(' ').length < MIN_PROSE_WORDS) return;
    const candidates = this.options.describe(prose);
    if (candidates.length === 0) return;
    const key = `suggestion-${++this.cards}`;
    const suggestion: Suggestion = { line, text: prose, candidates };
    this.enqueue(async () => this.events.onCard({ kind: 'suggestion', key, suggestion }));
  }

  /** Resolves when every card of the text pasted so far is out (probes done). */
  settled(): Promise<void> {
    return this.tail;
  }

  private onMatch(match: MatchedLine): void {
    const entry = this.options.matcher.table.entries[match.entryIndex]!;
    if (this.options.ignore?.has(entry.id)) return;
    if (entry.signatures[match.signatureIndex]?.weak) {
      this.onWeakMatch(entry, match);
      return;
    }
    this.addFinding(entry, match);
  }

  /** As in pipe mode: a weak line is a diagnosis only when a probe confirms it, else a guess. */
  private onWeakMatch(entry: CompiledEntry, match: MatchedLine): void {
    const key = `weak-${++this.cards}`;
    const probed = this.probe(entry);
    this.enqueue(async () => {
      if (judgeEntry(entry.probes, await probed).verdict === 'confirmed') {
        this.addFinding(entry, match);
        return;
      }
      const candidates = [{ id: entry.id, title: entry.title, score: 0.1 }];
      const suggestion: Suggestion = { line: match.line, text: match.text, candidates };
      this.events.onCard({ kind: 'suggestion', key, suggestion });
    });
  }

  private addFinding(entry: CompiledEntry, match: MatchedLine): void {
    const finding = this.groups.add({ entryId: entry.id, ...match });
    if (!finding) return;
    const key = `diagnosis-${++this.cards}`;
    const probed = this.probe(entry);
    this.events.onPending({ key, entry, line: finding.firstLine });
    const names = hostValueNames(entry);
    const valued =
      names.size === 0 || !this.options.hostValues
        ? Promise.resolve({})
        : this.options.hostValues(names, finding.captures).catch(() => ({}));
    const facts = (this.options.hostFacts?.() ?? Promise.resolve({})).catch(() => ({}));
    this.enqueue(async () => {
      const diagnosis = diagnose(entry, finding, await probed, await valued, await facts);
      this.events.onCard({ kind: 'diagnosis', key, diagnosis });
    });
  }

  private onUnmatchedError(line: number, text: string): void {
    const dedupe = text.replace(/\b[0-9a-f]{12,}\b|\d+/gi, '#');
    if (this.suggested.size >= MAX_SUGGESTIONS || this.suggested.has(dedupe)) return;
    this.suggested.add(dedupe);
    const key = `suggestion-${++this.cards}`;
    const suggestion: Suggestion = { line, text, candidates: this.options.suggest(text) };
    this.enqueue(async () => this.events.onCard({ kind: 'suggestion', key, suggestion }));
  }

  /** Cards come out in input order even when an earlier entry's probes take longer. */
  private enqueue(task: () => Promise<void>): void {
    // one card failing to build must not hold back the cards after it
    this.tail = this.tail.then(task).catch(() => {});
  }
}
