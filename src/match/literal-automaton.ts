// An Aho–Corasick automaton over bytes, run as a lazily built DFA (as grep and RE2 do), so that the
// prefilter finds every signature literal in a chunk with one pass and one table load per byte,
// and start-up pays only for the trie, not for a full transition table.
//
// - The input classes (case-folded, class 0 for the scanner's bytes) come from literal-trie.ts.
// - A state is stored as its row offset (state number × classCount). Row 0 is a sentinel: a 0 in
//   the table means "not computed yet" (the table starts zeroed, which costs nothing) and is what
//   class 0 always yields. Accepting rows come next, then the others, so the hot loop is
//   `next = delta[row + class]; if (next >= firstPlainRow) row = next` and everything else (a
//   literal ended, a scanner byte, a transition to compute once) takes the rare branch.
import { buildTrie, type Trie } from './literal-trie.js';

/**
 * What the lazily built DFA is made from, all derived from the literals alone: built at start-up by
 * buildLiteralAutomaton or, precomputed at build time, restored by prefilter-tables.ts.
 */
export interface AutomatonParts {
  classes: Uint8Array;
  classCount: number;
  stateCount: number;
  /**
   * The trie's edges, compactly (a dense table would be stateCount × classCount): the children of
   * state s are childState[childStart[s] .. childStart[s + 1]), reached on childClass[same index].
   */
  childStart: Int32Array;
  childClass: Uint8Array;
  childState: Int32Array;
  /** Aho–Corasick failure link of each state */
  fail: Int32Array;
  /** row offset of each state, and the state of each row index (index 0 = the sentinel) */
  rowOf: Int32Array;
  stateOfRow: Int32Array;
  firstPlainRow: number;
  outputStart: Int32Array;
  outputs: Int32Array;
}

export class LiteralAutomaton {
  /** input class of each byte value; 0 = handled by the scanner */
  readonly classes: Uint8Array;
  readonly classCount: number;
  /** delta[row + class] = next row, or 0 when not computed yet (see fill) */
  readonly delta: Int32Array;
  readonly startRow: number;
  /** rows below this (but row 0) are accepting: at least one literal ends there */
  readonly firstPlainRow: number;
  /**
   * For the accepting row r, with k = r / classCount - 1, the ids of the literals that end there
   * are outputs[outputStart[k] .. outputStart[k + 1]).
   */
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
  /** everything the automaton was made from, for prefilter-tables.ts to store */
  readonly parts: AutomatonParts;

  constructor(parts: AutomatonParts) {
    this.parts = parts;
    this.classes = parts.classes;
    this.classCount = parts.classCount;
    this.firstPlainRow = parts.firstPlainRow;
    this.outputStart = parts.outputStart;
    this.outputs = parts.outputs;
    this.startRow = parts.rowOf[0]!;
    this.delta = new Int32Array((parts.stateCount + 1) * parts.classCount);
  }

  /** Computes, stores and returns the transition from `row` on `cls` (cls > 0). */
  fill(row: number, cls: number): number {
    const parts = this.parts;
    const next = parts.rowOf[follow(parts, parts.stateOfRow[row / parts.classCount]!, cls)]!;
    this.delta[row + cls] = next;
    return next;
  }
}

/**
 * The Aho–Corasick step on the compact trie: follow failure links until a child on `cls` exists.
 * At most stateCount links are followed, so that even a damaged table cannot loop (a sound one
 * reaches the root within the state's depth).
 */
function follow(parts: AutomatonParts, state: number, cls: number): number {
  const { childStart, childClass, childState, fail, stateCount } = parts;
  let s = state;
  for (let hops = 0; hops <= stateCount; hops++) {
    for (let k = childStart[s]!; k < childStart[s + 1]!; k++) {
      if (childClass[k] === cls) return childState[k]!;
    }
    if (s === 0) return 0;
    s = fail[s]!;
  }
  return 0;
}

/** The classic Aho–Corasick step on state numbers: follow failure links until an edge exists. */
function step(
  edges: Int32Array,
  fail: Int32Array,
  width: number,
  state: number,
  cls: number,
): number {
  for (let s = state; ; s = fail[s]!) {
    const child = edges[s * width + cls]!;
    if (child !== 0) return child;
    if (s === 0) return 0;
  }
}

export function buildLiteralAutomaton(literals: readonly string[]): LiteralAutomaton {
  const trie = buildTrie(literals);
  const { fail, order } = linkFailures(trie);
  const numbering = numberRows(collectOutputs(trie, fail, order), trie.classCount);
  return new LiteralAutomaton({
    classes: trie.classes,
    classCount: trie.classCount,
    stateCount: trie.stateCount,
    ...compactChildren(trie),
    fail,
    ...numbering,
  });
}

/** The trie's child lists as flat arrays (see AutomatonParts). */
function compactChildren(trie: Trie): {
  childStart: Int32Array;
  childClass: Uint8Array;
  childState: Int32Array;
} {
  const childStart = new Int32Array(trie.stateCount + 1);
  const childClass = new Uint8Array(trie.stateCount - 1);
  const childState = new Int32Array(trie.stateCount - 1);
  let k = 0;
  for (let state = 0; state < trie.stateCount; state++) {
    childStart[state] = k;
    for (let child = trie.firstChild[state]!; child !== 0; child = trie.nextSibling[child]!) {
      childClass[k] = trie.edgeClass[child]!;
      childState[k++] = child;
    }
  }
  childStart[trie.stateCount] = k;
  return { childStart, childClass, childState };
}

/** Failure links in breadth-first order: a child fails to where its parent's failure steps to. */
function linkFailures(trie: Trie): { fail: Int32Array; order: Int32Array } {
  const width = trie.classCount;
  const fail = new Int32Array(trie.stateCount);
  const order = new Int32Array(trie.stateCount);
  let tail = 1; // order[0] is the root
  for (let head = 0; head < tail; head++) {
    const state = order[head]!;
    for (let child = trie.firstChild[state]!; child !== 0; child = trie.nextSibling[child]!) {
      fail[child] =
        state === 0 ? 0 : step(trie.edges, fail, width, fail[state]!, trie.edgeClass[child]!);
      order[tail++] = child;
    }
  }
  return { fail, order };
}

/**
 * Every literal id that ends at each state: its own and, through its failure link, those of a
 * shallower state (already done in breadth-first order). Empty = not accepting.
 */
function collectOutputs(trie: Trie, fail: Int32Array, order: Int32Array): number[][] {
  const none: number[] = [];
  const outputs: number[][] = new Array<number[]>(trie.stateCount).fill(none);
  for (let k = 0; k < order.length; k++) {
    const state = order[k]!;
    const inherited = state === 0 ? none : outputs[fail[state]!]!;
    const own = trie.own.get(state) ?? none;
    if (own.length > 0 || inherited.length > 0) outputs[state] = [...own, ...inherited];
  }
  return outputs;
}

function numberRows(
  outputs: readonly number[][],
  width: number,
): {
  rowOf: Int32Array;
  stateOfRow: Int32Array;
  firstPlainRow: number;
  outputStart: Int32Array;
  outputs: Int32Array;
} {
  const stateCount = outputs.length;
  const rowOf = new Int32Array(stateCount);
  const stateOfRow = new Int32Array(stateCount + 1);
  const outputStart: number[] = [];
  const flat: number[] = [];
  let index = 1; // row index 0 is the sentinel
  for (let state = 0; state < stateCount; state++) {
    if (outputs[state]!.length === 0) continue;
    rowOf[state] = index * width;
    stateOfRow[index++] = state;
    outputStart.push(flat.length);
    flat.push(...outputs[state]!);
  }
  outputStart.push(flat.length);
  const firstPlainRow = index * width;
  for (let state = 0; state < stateCount; state++) {
    if (outputs[state]!.length > 0) continue;
    rowOf[state] = index * width;
    stateOfRow[index++] = state;
  }
  return {
    rowOf,
    stateOfRow,
    firstPlainRow,
    outputStart: Int32Array.from(outputStart),
    outputs: Int32Array.from(flat),
  };
}
