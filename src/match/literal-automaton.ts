// An Aho–Corasick automaton over bytes, compiled into a dense transition table, so that the
// prefilter finds every signature literal in a chunk with one pass and one table load per byte.
//
// - ASCII letters are case-folded: `A` and `a` share an input class.
// - Bytes that appear in no literal share one class, which keeps the table small (rows are as wide
//   as the number of distinct literal bytes, not 256).
// - Class 0 is reserved for the bytes the scanner handles itself (newline, CR, ESC and the other C0
//   controls except tab, DEL); they never reach the table. Literals lose such bytes, as the
//   normalised text does.
// - States are renumbered so that every accepting state comes after every other one, and a state
//   is stored as its row offset: the hot loop is `state = delta[state + class]` and one comparison
//   (`state >= firstAcceptingRow`) tells whether any literal ends here.

export interface LiteralAutomaton {
  /** input class of each byte value; 0 = handled by the scanner */
  classes: Uint8Array;
  classCount: number;
  /** delta[row + class] = next row, where row = state number × classCount; the start row is 0 */
  delta: Int32Array;
  firstAcceptingRow: number;
  /**
   * For the accepting row r, with k = (r - firstAcceptingRow) / classCount, the ids of the
   * literals that end there are outputs[outputStart[k] .. outputStart[k + 1]).
   */
  outputStart: Int32Array;
  outputs: Int32Array;
  /** byte length of each literal, as scanned (after dropping class-0 bytes) */
  literalLengths: Int32Array;
}

export function isScannerByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09) || byte === 0x7f;
}

export function buildLiteralAutomaton(literals: readonly string[]): LiteralAutomaton {
  const encoded = literals.map(encodeLiteral);
  const { classes, classCount } = assignClasses(encoded);
  const trie = buildTrie(encoded, classes, classCount);
  const dfa = linkFailures(trie, classCount);
  return renumberAcceptingLast(dfa, classCount, classes, encoded);
}

function encodeLiteral(literal: string): Uint8Array {
  const bytes = new TextEncoder().encode(literal);
  const kept = bytes.filter((byte) => !isScannerByte(byte)).map(foldCase);
  if (kept.length === 0) throw new Error(`Cannot scan for the empty literal \`${literal}\``);
  return kept;
}

function foldCase(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function assignClasses(encoded: readonly Uint8Array[]): {
  classes: Uint8Array;
  classCount: number;
} {
  const classes = new Uint8Array(256).fill(1);
  let classCount = 2;
  for (const bytes of encoded) {
    for (const byte of bytes) {
      if (classes[byte] === 1) classes[byte] = classCount++;
    }
  }
  for (let byte = 0x41; byte <= 0x5a; byte++) classes[byte] = classes[byte + 0x20]!;
  for (let byte = 0; byte < 256; byte++) if (isScannerByte(byte)) classes[byte] = 0;
  return { classes, classCount };
}

interface Trie {
  /** goto[state * classCount + class], -1 = no edge */
  edges: Int32Array;
  stateCount: number;
  /** literal ids that end exactly at each state */
  own: number[][];
}

function buildTrie(encoded: readonly Uint8Array[], classes: Uint8Array, width: number): Trie {
  const maxStates = encoded.reduce((sum, bytes) => sum + bytes.length, 1);
  const edges = new Int32Array(maxStates * width).fill(-1);
  const own: number[][] = [[]];
  let stateCount = 1;
  encoded.forEach((bytes, literalId) => {
    let state = 0;
    for (const byte of bytes) {
      const slot = state * width + classes[byte]!;
      if (edges[slot] === -1) {
        edges[slot] = stateCount++;
        own.push([]);
      }
      state = edges[slot]!;
    }
    own[state]!.push(literalId);
  });
  return { edges, stateCount, own };
}

interface Dfa {
  /** next[state * width + class] = state number (not yet row offsets) */
  next: Int32Array;
  stateCount: number;
  /** every literal id that ends at each state, through failure links */
  outputs: number[][];
}

function linkFailures(trie: Trie, width: number): Dfa {
  const { edges, stateCount, own } = trie;
  const next = new Int32Array(stateCount * width);
  const fail = new Int32Array(stateCount);
  const outputs: number[][] = own.slice(0, stateCount).map((ids) => [...ids]);
  const queue: number[] = [];
  for (let cls = 1; cls < width; cls++) {
    const child = edges[cls]!;
    next[cls] = child === -1 ? 0 : child;
    if (child !== -1) queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failRow = fail[state]! * width;
    for (let cls = 1; cls < width; cls++) {
      const child = edges[state * width + cls]!;
      if (child === -1) {
        next[state * width + cls] = next[failRow + cls]!;
        continue;
      }
      next[state * width + cls] = child;
      fail[child] = next[failRow + cls]!;
      outputs[child]!.push(...outputs[fail[child]!]!);
      queue.push(child);
    }
  }
  return { next, stateCount, outputs };
}

function renumberAcceptingLast(
  dfa: Dfa,
  width: number,
  classes: Uint8Array,
  encoded: readonly Uint8Array[],
): LiteralAutomaton {
  const order: number[] = [];
  for (let s = 0; s < dfa.stateCount; s++) if (dfa.outputs[s]!.length === 0) order.push(s);
  const firstAccepting = order.length;
  for (let s = 0; s < dfa.stateCount; s++) if (dfa.outputs[s]!.length > 0) order.push(s);
  const renamed = new Int32Array(dfa.stateCount);
  order.forEach((oldState, newState) => (renamed[oldState] = newState));

  const delta = new Int32Array(dfa.stateCount * width);
  order.forEach((oldState, newState) => {
    for (let cls = 1; cls < width; cls++) {
      delta[newState * width + cls] = renamed[dfa.next[oldState * width + cls]!]! * width;
    }
  });

  const accepting = order.slice(firstAccepting);
  const outputStart = new Int32Array(accepting.length + 1);
  const flat: number[] = [];
  accepting.forEach((oldState, k) => {
    outputStart[k] = flat.length;
    flat.push(...new Set(dfa.outputs[oldState]));
  });
  outputStart[accepting.length] = flat.length;

  return {
    classes,
    classCount: width,
    delta,
    firstAcceptingRow: firstAccepting * width,
    outputStart,
    outputs: Int32Array.from(flat),
    literalLengths: Int32Array.from(encoded, (bytes) => bytes.length),
  };
}
