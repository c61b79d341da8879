// Steps over terminal escape sequences in a byte stream, by the same rules as strip-escapes.ts,
// remembering where it is when a chunk ends inside a sequence. A sequence never runs past a
// newline, so a stray ESC cannot swallow the rest of a log.
import { inRange, isStringIntroducer } from './strip-escapes.js';

const NEWLINE = 0x0a;
const ESC = 0x1b;
const BEL = 0x07;

type EscapeState = 'none' | 'after-esc' | 'csi' | 'intermediate' | 'string';

export class EscapeSkipper {
  private state: EscapeState = 'none';

  /** a sequence is open (a chunk ended inside it) */
  get inSequence(): boolean {
    return this.state !== 'none';
  }

  /** An ESC was just read: skip the sequence it starts, from `from` on. */
  begin(chunk: Uint8Array, from: number): number {
    this.state = 'after-esc';
    return this.skip(chunk, from);
  }

  /**
   * Consumes the open sequence from `from` on; returns the index of the first byte that is not
   * part of it (chunk.length when the chunk ends inside it: the next chunk goes on with it).
   */
  skip(chunk: Uint8Array, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i]!;
      const next = byte === NEWLINE ? 'end-before' : nextEscapeState(this.state, byte);
      if (next === 'end-before' || next === 'end-after') {
        this.state = 'none';
        return next === 'end-before' ? i : i + 1;
      }
      this.state = next;
    }
    return chunk.length;
  }

  /** end of input: nothing is open any more */
  reset(): void {
    this.state = 'none';
  }
}

function nextEscapeState(
  state: EscapeState,
  byte: number,
): EscapeState | 'end-before' | 'end-after' {
  switch (state) {
    case 'after-esc':
      if (byte === 0x5b /* [ */) return 'csi';
      if (isStringIntroducer(byte)) return 'string';
      if (inRange(byte, 0x20, 0x2f)) return 'intermediate';
      return inRange(byte, 0x30, 0x7e) ? 'end-after' : 'end-before';
    case 'csi':
      if (inRange(byte, 0x20, 0x3f)) return 'csi';
      return inRange(byte, 0x40, 0x7e) ? 'end-after' : 'end-before';
    case 'intermediate':
      if (inRange(byte, 0x20, 0x2f)) return 'intermediate';
      return inRange(byte, 0x30, 0x7e) ? 'end-after' : 'end-before';
    case 'string':
      if (byte === BEL) return 'end-after';
      return byte === ESC ? 'after-esc' : 'string';
    case 'none':
      return 'end-before';
  }
}
