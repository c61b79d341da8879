// The trie of the prefilter's literals over input classes: the first half of building the
// Aho–Corasick automaton (literal-automaton.ts adds failure links and the transition table).
//
// - ASCII letters are case-folded: `A` and `a` share an input class. Bytes that appear in no
//   literal share class 1, so a row is as wide as the number of distinct literal bytes.
// - Class 0 is reserved for the bytes the scanner handles itself (newline, CR, ESC and the other C0
//   controls except tab, DEL); literals lose such bytes, as the normalised text does.
// Loops are indexed throughout: this runs once at start-up, mostly before the JIT has warmed up,
// where iterators and callbacks cost several times more.

export interface Trie {
  /** input class of each byte value; 0 = handled by the scanner */
  classes: Uint8Array;
  classCount: number;
  /** edges[state * classCount + class] = child state, 0 = none (the root, 0, is nobody's child) */
  edges: Int32Array;
  stateCount: number;
  /** children of each state as a linked list (0 ends it), for the breadth-first walk */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  edgeClass: Int32Array;
  /** literal ids that end exactly at a state, for the states where any does */
  own: Map<number, number[]>;
}

/** The trie of `literals`: literal id i is literals[i]. */
export function buildTrie(literals: readonly string[]): Trie {
  const encoded = literals.map(encodeLiteral);
  const { classes, classCount } = assignClasses(encoded);
  return { classes, classCount, ...buildEdges(encoded, classes, classCount) };
}

export function isScannerByte(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09) || byte === 0x7f;
}

const ENCODER = new TextEncoder();

function encodeLiteral(literal: string): Uint8Array {
  const bytes = ENCODER.encode(literal);
  let kept = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!isScannerByte(bytes[i]!)) bytes[kept++] = foldCase(bytes[i]!);
  }
  if (kept === 0) throw new Error(`Cannot scan for the empty literal \`${literal}\``);
  return bytes.subarray(0, kept);
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
    for (let b = 0; b < bytes.length; b++) {
      if (classes[bytes[b]!] === 1) classes[bytes[b]!] = classCount++;
    }
  }
  for (let byte = 0x41; byte <= 0x5a; byte++) classes[byte] = classes[byte + 0x20]!;
  for (let byte = 0; byte < 256; byte++) if (isScannerByte(byte)) classes[byte] = 0;
  return { classes, classCount };
}

function buildEdges(
  encoded: readonly Uint8Array[],
  classes: Uint8Array,
  width: number,
): Omit<Trie, 'classes' | 'classCount'> {
  const maxStates = encoded.reduce((sum, bytes) => sum + bytes.length, 1);
  // zero-filled typed arrays cost nothing until touched; 0 means "none" in all three lists
  const edges = new Int32Array(maxStates * width);
  const firstChild = new Int32Array(maxStates);
  const nextSibling = new Int32Array(maxStates);
  const edgeClass = new Int32Array(maxStates);
  const own = new Map<number, number[]>();
  let stateCount = 1;
  for (let literalId = 0; literalId < encoded.length; literalId++) {
    const bytes = encoded[literalId]!;
    let state = 0;
    for (let b = 0; b < bytes.length; b++) {
      const cls = classes[bytes[b]!]!;
      let child = edges[state * width + cls]!;
      if (child === 0) {
        child = stateCount++;
        edges[state * width + cls] = child;
        edgeClass[child] = cls;
        nextSibling[child] = firstChild[state]!;
        firstChild[state] = child;
      }
      state = child;
    }
    own.set(state, [...(own.get(state) ?? []), literalId]);
  }
  return { edges, stateCount, firstChild, nextSibling, edgeClass, own };
}
