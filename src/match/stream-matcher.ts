// From chunks of raw output to matches: the line scanner flags lines, this verifies them with the
// candidates' regexes on the normalised text, rejoins terminal-wrapped lines, and sets aside
// error-looking lines that matched nothing (the caller turns those into suggestions).
import { LineScanner, HISTORY_LINES, type ScannedLine } from './line-scanner.js';
import { looksLikeError, ERROR_TRIGGER_LITERALS } from './looks-like-error.js';
import { compileSignatures, matchSignature, type SignatureTable } from './match-line.js';
import { normalizeLine } from './normalize-line.js';
import { buildPrefilter, type Prefilter } from './prefilter.js';
import { decodePrefilterTables, encodePrefilterTables, prefilterKey } from './prefilter-tables.js';
import {
  countJoinableBefore,
  countWrappedBefore,
  joinPhysicalLines,
  JOIN_SEPARATORS,
  MIN_WRAP_WIDTH,
} from './unwrap-lines.js';
import type { CompiledEntry, PrecomputedPrefilter } from '../kb/types.js';
import { LogVersionReader, VERSION_FACT_LITERALS, type LogVersion } from './read-log-versions.js';

export interface MatchedLine {
  entryIndex: number;
  signatureIndex: number;
  captures: Record<string, string>;
  /** 1-based; for a rejoined wrapped line, its first physical line */
  line: number;
  /** the normalised text that matched */
  text: string;
}

export interface MatchEvents {
  onMatch(match: MatchedLine): void;
  /** an error-looking line no signature matched */
  onUnmatchedError(line: number, text: string): void;
  /** a line longer than MAX_LINE_BYTES was cut */
  onCutLine(line: number): void;
  /** the log states a component's version */
  onVersion?(version: LogVersion): void;
}

/** Compiled once per run; shared by every StreamMatcher over the same entries. */
export interface Matcher {
  table: SignatureTable;
  prefilter: Prefilter;
}

/**
 * @param precomputed the prefilter as scripts/build-kb.ts stored it with the entries; used when it
 *   was built from exactly these entries' literals, else the prefilter is built here
 */
export function compileMatcher(
  entries: readonly CompiledEntry[],
  precomputed?: PrecomputedPrefilter,
): Matcher {
  const table = compileSignatures(entries);
  const key = prefilterKey(table.literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS);
  return {
    table,
    prefilter:
      decodePrefilterTables(precomputed, key) ??
      buildPrefilter(table.literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS),
  };
}

/** What scripts/build-kb.ts stores in dist/kb.json for compileMatcher to load. */
export function precomputePrefilter(
  entries: readonly CompiledEntry[],
): PrecomputedPrefilter | undefined {
  const table = compileSignatures(entries);
  const key = prefilterKey(table.literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS);
  const prefilter = buildPrefilter(table.literals, ERROR_TRIGGER_LITERALS, VERSION_FACT_LITERALS);
  return encodePrefilterTables(prefilter, key);
}

interface WrapWatch {
  signatures: number[];
  /** the last line whose signatures failed alone */
  fromLine: number;
  throughLine: number;
}

export class StreamMatcher {
  /** false once the caller wants no more suggestions: error-looking lines then cost nothing */
  reportUnmatchedErrors = true;
  private readonly scanner: LineScanner;
  private readonly table: SignatureTable;
  /** per entry: the last physical line it matched, so a rejoin does not count a line twice */
  private readonly lastMatchedLine: Float64Array;
  private readonly matchedOnLine: Float64Array;
  private wrapWatch: WrapWatch | undefined;
  /** error-looking lines held until the end of the chunk: a wrapped match may still claim them */
  private heldErrors: { line: number; text: string }[] = [];
  private readonly versions = new LogVersionReader();

  constructor(
    matcher: Matcher,
    private readonly events: MatchEvents,
  ) {
    this.table = matcher.table;
    this.lastMatchedLine = new Float64Array(matcher.table.entries.length);
    this.matchedOnLine = new Float64Array(matcher.table.entries.length);
    this.scanner = new LineScanner(matcher.prefilter, {
      onLine: (line) => this.onLine(line),
      onCutLine: (line) => this.events.onCutLine(line),
    });
  }

  get linesRead(): number {
    return this.scanner.linesRead;
  }

  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
    this.releaseHeldErrors();
  }

  end(): void {
    this.scanner.end();
    this.releaseHeldErrors();
  }

  private onLine(line: ScannedLine): void {
    if (line.startsRecord) this.wrapWatch = undefined; // a new record: the wrapped one is over
    const watched = this.watchedSignatures(line.lineNumber);
    if (line.hasFactWord && this.events.onVersion) {
      const version = this.versions.read(normalizeLine(line.text()));
      if (version) this.events.onVersion(version);
    }
    if (line.candidateCount === 0 && watched.length === 0) {
      if (!line.hasErrorWord || !this.reportUnmatchedErrors) return;
    }
    const text = normalizeLine(line.text());
    const order = this.table.tryOrder;
    const own = Array.from(line.candidates.subarray(0, line.candidateCount)).sort(
      (a, b) => order[a]! - order[b]!,
    );
    let matched = false;
    for (const signature of own) {
      const entry = this.table.entryIndex[signature]!;
      if (this.matchedOnLine[entry] === line.lineNumber) continue;
      const match = matchSignature(this.table, signature, text);
      if (match) {
        matched = true;
        this.emit({ ...match, ...this.startOfWrappedRun(line, text) }, line);
      }
    }
    const failed = this.notMatchedOn(line.lineNumber, own);
    if (failed.length > 0 && this.tryRejoined(line, failed, 1)) matched = true;
    // a watched signature can only match on a join that reaches back to the line it failed on
    const stillWatched = this.notMatchedOn(line.lineNumber, watched).filter(
      (s) => !own.includes(s),
    );
    const reach = line.lineNumber - (this.wrapWatch?.fromLine ?? line.lineNumber);
    if (stillWatched.length > 0 && this.tryRejoined(line, stillWatched, reach)) matched = true;
    if (line.text().length >= MIN_WRAP_WIDTH) {
      this.watchForWrap(line.lineNumber, this.notMatchedOn(line.lineNumber, own));
    }
    if (!matched && this.reportUnmatchedErrors && line.hasErrorWord && looksLikeError(text)) {
      this.heldErrors.push({ line: line.lineNumber, text });
    }
  }

  /**
   * Retry on the previous 1, 2, 3 physical lines + this one (at least `fewestBack` of them),
   * joined with '' then ' ', as far as they can be one wrapped line (countJoinableBefore).
   */
  private tryRejoined(
    line: ScannedLine,
    signatures: readonly number[],
    fewestBack: number,
  ): boolean {
    const previous = (back: number): string | undefined => line.previousText(back);
    const joinable = countJoinableBefore(previous, line.text(), HISTORY_LINES);
    let matched = false;
    for (let back = Math.max(1, fewestBack); back <= joinable; back++) {
      for (const separator of JOIN_SEPARATORS) {
        const raw = joinPhysicalLines(previous, line.text(), back, separator);
        if (raw === undefined) return matched;
        const text = normalizeLine(raw);
        for (const signature of signatures) {
          const entry = this.table.entryIndex[signature]!;
          if (this.matchedOnLine[entry] === line.lineNumber) continue;
          if (this.lastMatchedLine[entry]! >= line.lineNumber - back) continue;
          const match = matchSignature(this.table, signature, text);
          if (!match) continue;
          matched = true;
          this.emit({ ...match, line: line.lineNumber - back, text }, line);
        }
      }
    }
    return matched;
  }

  /**
   * A line that matched on its own may still be the tail of a wrapped one (the docs' dbus
   * example). When the lines before it form a wrap run and one of them is an unmatched
   * error-looking line, that line is the real start: report the run from there, and do not
   * suggest that line as well.
   */
  private startOfWrappedRun(line: ScannedLine, text: string): { line: number; text: string } {
    const alone = { line: line.lineNumber, text };
    if (this.heldErrors.length === 0) return alone;
    const previous = (back: number): string | undefined => line.previousText(back);
    const run = countWrappedBefore(previous, line.text(), HISTORY_LINES);
    const first = line.lineNumber - run;
    if (run === 0 || !this.heldErrors.some((error) => error.line >= first)) return alone;
    const joined = joinPhysicalLines(previous, line.text(), run, JOIN_SEPARATORS[0]);
    return joined === undefined ? alone : { line: first, text: normalizeLine(joined) };
  }

  private emit(match: MatchedLine, line: ScannedLine): void {
    this.matchedOnLine[match.entryIndex] = line.lineNumber;
    this.lastMatchedLine[match.entryIndex] = line.lineNumber;
    this.heldErrors = this.heldErrors.filter((error) => error.line < match.line);
    this.events.onMatch(match);
  }

  /**
   * A line with a literal hit that no signature matched may be the first part of a wrapped error:
   * watch the next lines and retry those signatures on the rejoined text there.
   */
  private watchForWrap(lineNumber: number, failed: readonly number[]): void {
    if (failed.length === 0) return;
    const still = this.watchedSignatures(lineNumber);
    this.wrapWatch = {
      signatures: [...new Set([...still, ...failed])],
      fromLine: lineNumber,
      throughLine: lineNumber + HISTORY_LINES,
    };
    this.scanner.watchNextLines(HISTORY_LINES);
  }

  private notMatchedOn(lineNumber: number, signatures: readonly number[]): number[] {
    return signatures.filter(
      (signature) => this.matchedOnLine[this.table.entryIndex[signature]!] !== lineNumber,
    );
  }

  private watchedSignatures(lineNumber: number): number[] {
    const watch = this.wrapWatch;
    if (!watch || watch.throughLine < lineNumber) return [];
    return watch.signatures;
  }

  private releaseHeldErrors(): void {
    for (const error of this.heldErrors) this.events.onUnmatchedError(error.line, error.text);
    this.heldErrors = [];
  }
}
