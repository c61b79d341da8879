// The last few physical lines, kept as references into the chunks they came in (no copy, no
// string) and decoded only when a wrapped line has to be rejoined.

interface Decoder {
  decode(bytes: Uint8Array): string;
}

export class LineHistory {
  private readonly bytes: (Uint8Array | undefined)[];
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly decoded: (string | undefined)[];
  private next = 0;
  private stored = 0;

  constructor(
    private readonly size: number,
    private readonly decoder: Decoder,
  ) {
    this.bytes = new Array<Uint8Array | undefined>(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.decoded = new Array<string | undefined>(size);
  }

  /** Remembers a line that just ended; `text` when it was decoded already. */
  remember(bytes: Uint8Array, start: number, end: number, text: string | undefined): void {
    const slot = this.next;
    this.bytes[slot] = bytes;
    this.start[slot] = start;
    this.end[slot] = end;
    this.decoded[slot] = text;
    this.next = (slot + 1) % this.size;
    this.stored = Math.min(this.stored + 1, this.size);
  }

  /** The line `back` lines ago (1 = the last one remembered), decoded, if still kept. */
  text(back: number): string | undefined {
    if (back < 1 || back > this.stored) return undefined;
    const slot = (this.next - back + this.size) % this.size;
    this.decoded[slot] ??= this.decoder.decode(
      this.bytes[slot]!.subarray(this.start[slot], this.end[slot]),
    );
    return this.decoded[slot];
  }
}
