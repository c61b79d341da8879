// The prefilter precomputed at build time: building it from the KB's literals (the trie, failure
// links, row numbering) was most of an empty pipe's start-up, yet depends on nothing but those
// literals. scripts/build-kb.ts stores its arrays in dist/kb.json; here they are restored with one
// base64 decode and typed-array views on the result: no loop over the states at start-up.
//
// - The key is the exact literal lists (signatures', trigger and fact words) with the format, not a
//   hash of them: comparing ~18 KB of strings costs microseconds and cannot collide.
// - A CRC-32 of the data (native, so ~0.2 ms) and the sections' exact lengths catch a damaged
//   file; tables that fail any check are ignored and the caller builds the prefilter as before, so
//   a stale or hand-edited kb.json still works. The automaton bounds its failure-link walks, so
//   even forged tables cannot make the scanner loop; indices out of range read as `undefined`,
//   which JavaScript's typed arrays make harmless (no memory is read outside them).
// - Numbers are stored little-endian; a big-endian host builds the prefilter instead.
import { Buffer } from 'node:buffer';
import { crc32 } from 'node:zlib';
import type { PrecomputedPrefilter } from '../kb/types.js';
import { LiteralAutomaton, type AutomatonParts } from './literal-automaton.js';
import { MAX_SCANNED_LITERAL, type Prefilter } from './prefilter.js';

/** Bump whenever the layout below or the way prefilter.ts derives its tables changes. */
export const PREFILTER_TABLES_FORMAT = 1;

/** The identity of a prefilter: everything it is derived from. */
export function prefilterKey(
  signatureLiterals: readonly string[],
  triggerLiterals: readonly string[],
  factLiterals: readonly string[],
): string {
  return JSON.stringify([
    PREFILTER_TABLES_FORMAT,
    MAX_SCANNED_LITERAL,
    signatureLiterals,
    triggerLiterals,
    factLiterals,
  ]);
}

// The sections, in storage order: 32-bit ones first, so every view is aligned.
const INT32_SECTIONS = [
  'childStart',
  'childState',
  'fail',
  'rowOf',
  'stateOfRow',
  'outputStart',
  'outputs',
  'signatureStart',
  'signatureIds',
] as const;
const UINT8_SECTIONS = ['childClass', 'classes', 'isTrigger', 'isFact'] as const;
type Int32Section = (typeof INT32_SECTIONS)[number];
type Uint8Section = (typeof UINT8_SECTIONS)[number];

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The tables to store, or undefined on a big-endian host (their readers assume little-endian). */
export function encodePrefilterTables(
  prefilter: Prefilter,
  key: string,
): PrecomputedPrefilter | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const parts = prefilter.automaton.parts;
  const int32: Record<Int32Section, Int32Array> = {
    childStart: parts.childStart,
    childState: parts.childState,
    fail: parts.fail,
    rowOf: parts.rowOf,
    stateOfRow: parts.stateOfRow,
    outputStart: parts.outputStart,
    outputs: parts.outputs,
    signatureStart: prefilter.signatureStart,
    signatureIds: prefilter.signatureIds,
  };
  const uint8: Record<Uint8Section, Uint8Array> = {
    childClass: parts.childClass,
    classes: parts.classes,
    isTrigger: prefilter.isTrigger,
    isFact: prefilter.isFact,
  };
  const lengths = [
    ...INT32_SECTIONS.map((name) => int32[name].length),
    ...UINT8_SECTIONS.map((name) => uint8[name].length),
  ];
  const int32Words = sum(lengths.slice(0, INT32_SECTIONS.length));
  const bytes = new Uint8Array(int32Words * 4 + sum(lengths.slice(INT32_SECTIONS.length)));
  const words = new Int32Array(bytes.buffer, 0, int32Words);
  let at = 0;
  for (const name of INT32_SECTIONS) {
    words.set(int32[name], at);
    at += int32[name].length;
  }
  at *= 4;
  for (const name of UINT8_SECTIONS) {
    bytes.set(uint8[name], at);
    at += uint8[name].length;
  }
  return {
    format: PREFILTER_TABLES_FORMAT,
    key,
    classCount: parts.classCount,
    stateCount: parts.stateCount,
    firstPlainRow: parts.firstPlainRow,
    signatureCount: prefilter.signatureCount,
    lengths,
    checksum: crc32(bytes),
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'),
  };
}

/**
 * The prefilter stored in `tables`, or undefined when they are missing, belong to other literals
 * (`key`), are damaged or cannot be read on this host: the caller then builds it.
 */
export function decodePrefilterTables(
  tables: PrecomputedPrefilter | undefined,
  key: string,
): Prefilter | undefined {
  if (!LITTLE_ENDIAN || !isRecord(tables) || tables.format !== PREFILTER_TABLES_FORMAT) {
    return undefined;
  }
  if (tables.key !== key || typeof tables.data !== 'string') return undefined;
  const { classCount, stateCount, firstPlainRow, signatureCount, lengths } = tables;
  const counts = [classCount, stateCount, firstPlainRow, signatureCount];
  if (!counts.every(isCount) || classCount < 2 || stateCount < 1) return undefined;
  const sectionCount = INT32_SECTIONS.length + UINT8_SECTIONS.length;
  if (!Array.isArray(lengths) || lengths.length !== sectionCount || !lengths.every(isCount)) {
    return undefined;
  }
  const decoded = Buffer.from(tables.data, 'base64');
  // a Buffer may sit at any offset of a shared pool; Int32Array views need 4-byte alignment
  const bytes = decoded.byteOffset % 4 === 0 ? decoded : Uint8Array.prototype.slice.call(decoded);
  const int32Words = sum(lengths.slice(0, INT32_SECTIONS.length));
  if (bytes.length !== int32Words * 4 + sum(lengths.slice(INT32_SECTIONS.length))) {
    return undefined;
  }
  if (crc32(bytes) !== tables.checksum) return undefined;

  const int32 = {} as Record<Int32Section, Int32Array>;
  let at = 0;
  INT32_SECTIONS.forEach((name, i) => {
    int32[name] = new Int32Array(bytes.buffer, bytes.byteOffset + at * 4, lengths[i]!);
    at += lengths[i]!;
  });
  at *= 4;
  const uint8 = {} as Record<Uint8Section, Uint8Array>;
  UINT8_SECTIONS.forEach((name, i) => {
    const length = lengths[INT32_SECTIONS.length + i]!;
    uint8[name] = new Uint8Array(bytes.buffer, bytes.byteOffset + at, length);
    at += length;
  });
  const literalCount = int32.signatureStart.length - 1;
  const shaped =
    int32.childStart.length === stateCount + 1 &&
    int32.childState.length === stateCount - 1 &&
    uint8.childClass.length === stateCount - 1 &&
    int32.fail.length === stateCount &&
    int32.rowOf.length === stateCount &&
    int32.stateOfRow.length === stateCount + 1 &&
    uint8.classes.length === 256 &&
    literalCount >= 0 &&
    uint8.isTrigger.length === literalCount &&
    uint8.isFact.length === literalCount;
  if (!shaped) return undefined;

  const parts: AutomatonParts = {
    classes: uint8.classes,
    classCount,
    stateCount,
    childStart: int32.childStart,
    childClass: uint8.childClass,
    childState: int32.childState,
    fail: int32.fail,
    rowOf: int32.rowOf,
    stateOfRow: int32.stateOfRow,
    firstPlainRow,
    outputStart: int32.outputStart,
    outputs: int32.outputs,
  };
  return {
    automaton: new LiteralAutomaton(parts),
    signatureStart: int32.signatureStart,
    signatureIds: int32.signatureIds,
    isTrigger: uint8.isTrigger,
    isFact: uint8.isFact,
    signatureCount,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function isRecord(value: unknown): value is PrecomputedPrefilter {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
