// The hot path of pipe mode: runs the prefilter automaton over each incoming chunk of bytes in one
// pass, finds line ends on the way, and hands only the lines with a literal hit (or the lines a
// caller asked to watch) to the sink, decoded lazily. A line without a hit costs one table load
// per byte and a few stores at its newline: no decoding, no string, no allocation.
//
// The loop, the line carried across chunks and the line being delivered share their state, so
// they are one class; the escape sequences (escape-skipper.ts), journald prefixes (line-prefix.ts)
// and the previous lines (line-history.ts) are kept apart.
//
// Rules that keep it in step with normalize-line.ts:
// - CR, the C0 controls but tab, and DEL are skipped; ESC sequences are skipped by the same rules
//   as strip-escapes.ts, also across chunk boundaries, so colour codes do not hide a literal.
// - The automaton state runs on across '\n' (the byte itself is skipped), so a literal cut in two
//   by a terminal wrap is still found, on the second line; the sink verifies on the joined text.
// - A journald / syslog prefix at the start of a line is stepped over (line-prefix.ts): it is
//   dropped by normalisation anyway, and a program or host name in it must not flag every line.
// - A line longer than MAX_LINE_BYTES keeps its first MAX_LINE_BYTES for matching; the rest is
//   scanned but never stored, and the sink is told the line was cut.
import { EscapeSkipper } from './escape-skipper.js';
import { LineHistory } from './line-history.js';
import { measureLinePrefix } from './line-prefix.js';
import type { Prefilter } from './prefilter.js';

export const MAX_LINE_BYTES = 64 * 1024;
/** how many preceding physical lines are kept for rejoining terminal-wrapped lines */
export const HISTORY_LINES = 3;

const NEWLINE = 0x0a;
const ESC = 0x1b;

export interface ScannedLine {
  /** 1-based */
  readonly lineNumber: number;
  /** ids of signatures whose literal ended on this line; only the first `candidateCount` count */
  readonly candidates: Int32Array;
  readonly candidateCount: number;
  /** an error-looking trigger word ended on this line */
  readonly hasErrorWord: boolean;
  /** a fact word (see read-log-versions.ts) ended on this line */
  readonly hasFactWord: boolean;
  /**
   * the line begins with a journald / syslog prefix, so it starts a log record and is not the
   * continuation of a terminal-wrapped line (false when the prefix was cut by a chunk boundary)
   */
  readonly startsRecord: boolean;
  /** the line, decoded (invalid UTF-8 becomes U+FFFD), at most MAX_LINE_BYTES of it */
  text(): string;
  /** the physical line `back` lines before this one (1 = the previous one), if still kept */
  previousText(back: number): string | undefined;
}

export interface ScannedLineSink {
  onLine(line: ScannedLine): void;
  onCutLine(lineNumber: number): void;
}

export class LineScanner implements ScannedLine {
  lineNumber = 0;
  candidateCount = 0;
  hasErrorWord = false;
  hasFactWord = false;
  startsRecord = false;
  readonly candidates: Int32Array;

  private readonly decoder = new TextDecoder();
  private readonly candidateStamp: Float64Array;
  private state: number;
  private readonly escape = new EscapeSkipper();
  private linesEnded = 0;
  private watchThrough = 0;
  // the line in progress: bytes from `lineStart` of the current chunk, after `carried` bytes that
  // came in earlier chunks (their first MAX_LINE_BYTES are in `pending`)
  private chunk: Uint8Array = new Uint8Array(0);
  private lineStart = 0;
  private carried = 0;
  private readonly pending = new Uint8Array(MAX_LINE_BYTES);
  // the line being delivered: (buffer, start, end), decoded on demand
  private currentBytes: Uint8Array = this.chunk;
  private currentStart = 0;
  private currentEnd = 0;
  private currentText: string | undefined;
  private readonly history = new LineHistory(HISTORY_LINES, this.decoder);

  constructor(
    private readonly prefilter: Prefilter,
    private readonly sink: ScannedLineSink,
  ) {
    this.state = prefilter.automaton.startRow;
    this.candidates = new Int32Array(prefilter.signatureCount);
    this.candidateStamp = new Float64Array(prefilter.signatureCount);
  }

  get linesRead(): number {
    return this.linesEnded;
  }

  /** Deliver the next `count` lines to the sink even without a literal hit. */
  watchNextLines(count: number): void {
    this.watchThrough = Math.max(this.watchThrough, this.lineNumber + count);
  }

  push(chunk: Uint8Array): void {
    const { automaton } = this.prefilter;
    const { classes, delta, firstPlainRow } = automaton;
    this.chunk = chunk;
    this.lineStart = 0;
    this.lineNumber = this.linesEnded + 1;
    const n = chunk.length;
    let state = this.state;
    let i = 0;
    if (this.escape.inSequence) i = this.escape.skip(chunk, 0);
    else if (this.carried === 0) i = this.skipLinePrefix(chunk, 0);
    for (; i < n; i++) {
      const cls = classes[chunk[i]!]!;
      const next = delta[state + cls]!;
      if (next >= firstPlainRow) {
        state = next;
        continue;
      }
      if (cls !== 0) {
        // a literal ends here, or a transition not computed yet
        state = next === 0 ? automaton.fill(state, cls) : next;
        if (state < firstPlainRow) this.recordHit(state);
        continue;
      }
      // a byte for the scanner: the state stays as it is
      const byte = chunk[i]!;
      if (byte === NEWLINE) {
        this.endLine(i);
        i = this.skipLinePrefix(chunk, i + 1) - 1;
      } else if (byte === ESC) {
        i = this.escape.begin(chunk, i + 1) - 1;
      }
    }
    this.state = state;
    this.carryPartialLine(n);
  }

  /** End of input: a last line without a newline still counts. */
  end(): void {
    if (this.carried > 0) this.push(Uint8Array.of(NEWLINE));
    this.escape.reset();
  }

  text(): string {
    this.currentText ??= this.decoder.decode(
      this.currentBytes.subarray(this.currentStart, this.currentEnd),
    );
    return this.currentText;
  }

  previousText(back: number): string | undefined {
    return this.history.text(back);
  }

  /** At a line start: returns where scanning goes on, after a journald / syslog prefix if any. */
  private skipLinePrefix(chunk: Uint8Array, start: number): number {
    const length = measureLinePrefix(chunk, start);
    this.startsRecord = length > 0;
    return start + length;
  }

  private recordHit(row: number): void {
    const { automaton, signatureStart, signatureIds, isTrigger, isFact } = this.prefilter;
    const k = row / automaton.classCount - 1;
    const stamp = this.lineNumber;
    for (let o = automaton.outputStart[k]!; o < automaton.outputStart[k + 1]!; o++) {
      const literal = automaton.outputs[o]!;
      if (isTrigger[literal] === 1) this.hasErrorWord = true;
      if (isFact[literal] === 1) this.hasFactWord = true;
      for (let s = signatureStart[literal]!; s < signatureStart[literal + 1]!; s++) {
        const signature = signatureIds[s]!;
        if (this.candidateStamp[signature] === stamp) continue;
        this.candidateStamp[signature] = stamp;
        this.candidates[this.candidateCount++] = signature;
      }
    }
  }

  private endLine(newline: number): void {
    const lineNumber = this.lineNumber;
    const length = this.carried + newline - this.lineStart;
    if (length > MAX_LINE_BYTES) this.sink.onCutLine(lineNumber);
    if (this.carried > 0) {
      this.currentBytes = this.joinCarried(newline);
      this.currentStart = 0;
      this.currentEnd = this.currentBytes.length;
    } else {
      this.currentBytes = this.chunk;
      this.currentStart = this.lineStart;
      this.currentEnd = Math.min(newline, this.lineStart + MAX_LINE_BYTES);
    }
    this.currentText = undefined;
    if (
      this.candidateCount > 0 ||
      this.hasErrorWord ||
      this.hasFactWord ||
      this.watchThrough >= lineNumber
    ) {
      this.sink.onLine(this);
    }
    this.history.remember(this.currentBytes, this.currentStart, this.currentEnd, this.currentText);

    this.linesEnded = lineNumber;
    this.lineNumber = lineNumber + 1;
    this.candidateCount = 0;
    this.hasErrorWord = false;
    this.hasFactWord = false;
    this.lineStart = newline + 1;
    this.carried = 0;
  }

  /** A line that began in an earlier chunk, as one new buffer: happens once per chunk at most. */
  private joinCarried(newline: number): Uint8Array {
    const kept = Math.min(this.carried, MAX_LINE_BYTES);
    const fromChunk = Math.min(newline, MAX_LINE_BYTES - kept);
    const joined = new Uint8Array(kept + fromChunk);
    joined.set(this.pending.subarray(0, kept));
    joined.set(this.chunk.subarray(0, fromChunk), kept);
    return joined;
  }

  private carryPartialLine(n: number): void {
    const tail = n - this.lineStart;
    if (tail <= 0) return;
    const room = MAX_LINE_BYTES - this.carried;
    if (room > 0) {
      const kept = Math.min(room, tail);
      this.pending.set(this.chunk.subarray(this.lineStart, this.lineStart + kept), this.carried);
    }
    this.carried += tail;
  }
}
