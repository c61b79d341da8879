import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineScanner, MAX_LINE_BYTES, type ScannedLine } from '../../src/match/line-scanner.js';
import { buildPrefilter } from '../../src/match/prefilter.js';
import { stripEscapes } from '../../src/match/strip-escapes.js';

interface Seen {
  line: number;
  candidates: number[];
  errorWord: boolean;
  text: string;
  previous: (string | undefined)[];
}

const LITERALS = [
  'no space left on device',
  'fork/exec /proc/self/exe',
  'xdg_runtime_dir',
  'No Subuid',
];

function scan(
  chunks: (string | Uint8Array)[],
  literals = LITERALS,
  onLine?: (line: ScannedLine, scanner: LineScanner) => void,
): { seen: Seen[]; cut: number[]; lines: number } {
  const seen: Seen[] = [];
  const cut: number[] = [];
  const scanner: LineScanner = new LineScanner(buildPrefilter(literals, ['erro']), {
    onLine(line) {
      seen.push({
        line: line.lineNumber,
        candidates: Array.from(line.candidates.subarray(0, line.candidateCount)).sort(),
        errorWord: line.hasErrorWord,
        text: line.text(),
        previous: [1, 2, 3].map((back) => line.previousText(back)),
      });
      onLine?.(line, scanner);
    },
    onCutLine: (line) => cut.push(line),
  });
  for (const chunk of chunks) {
    scanner.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  scanner.end();
  return { seen, cut, lines: scanner.linesRead };
}

describe('LineScanner', () => {
  test('delivers only lines with a literal hit, with their numbers and text', () => {
    const { seen, lines } = scan([
      'starting\nfailed: fork/exec /proc/self/exe: No Space Left On Device\nok\ncould not get XDG_RUNTIME_DIR',
    ]);
    expect(lines).toBe(4);
    expect(seen.map(({ line, candidates, text }) => ({ line, candidates, text }))).toEqual([
      {
        line: 2,
        candidates: [0, 1],
        text: 'failed: fork/exec /proc/self/exe: No Space Left On Device',
      },
      { line: 4, candidates: [2], text: 'could not get XDG_RUNTIME_DIR' },
    ]);
  });

  test('counts lines: empty input, a lone newline, a last line without one', () => {
    expect(scan([]).lines).toBe(0);
    expect(scan(['\n']).lines).toBe(1);
    expect(scan(['a\nb']).lines).toBe(2);
    expect(scan(['a\r\nb\r\n']).lines).toBe(2);
  });

  test('flags error-looking trigger words', () => {
    expect(scan(['level=ERROR msg=x\n']).seen[0]).toMatchObject({
      line: 1,
      errorWord: true,
      candidates: [],
    });
  });

  test('steps over journald prefixes: a host or program name there is not a hit', () => {
    const { seen } = scan(
      [
        'Sep 27 14:44:14 xdg_runtime_dir-errors dockerd-rootless.sh[3117]: starting\n' +
          'Sep 27 14:44:15 xdg_runtime_dir-errors dockerd-rootless.sh[3117]: could not get XDG_RUNTIME_DIR\n',
      ],
      LITERALS,
    );
    expect(seen.map((s) => [s.line, s.candidates, s.errorWord])).toEqual([[2, [2], false]]);
  });

  test('colour codes, CR and controls inside a literal do not hide it', () => {
    const { seen } = scan(['no space \u001b[1;31mleft\u001b[0m on\r de\u0007vice\n']);
    expect(seen[0]?.candidates).toEqual([0]);
  });

  test('a literal cut by a terminal wrap is found on the line where it ends', () => {
    const { seen } = scan(['error: fork/exec /proc/sel\nf/exe: operation not permitted\n']);
    expect(seen.map((s) => [s.line, s.candidates])).toEqual([
      [1, []],
      [2, [1]],
    ]);
  });

  test('keeps the three previous physical lines for rejoining', () => {
    const { seen } = scan(['one\ntwo\nthree\nfour\nXDG_RUNTIME_DIR\n']);
    expect(seen[0]?.previous).toEqual(['four', 'three', 'two']);
    expect(scan(['first\nXDG_RUNTIME_DIR\n']).seen[0]?.previous).toEqual([
      'first',
      undefined,
      undefined,
    ]);
  });

  test('history survives chunk boundaries, also for lines split across chunks', () => {
    const { seen } = scan(['one\ntw', 'o\nthr', 'ee\nXDG_RUN', 'TIME_DIR\n']);
    expect(seen[0]).toMatchObject({
      line: 4,
      text: 'XDG_RUNTIME_DIR',
      previous: ['three', 'two', 'one'],
    });
  });

  test('delivers watched lines without a hit', () => {
    const { seen } = scan(['XDG_RUNTIME_DIR\na\nb\nc\nd\n'], LITERALS, (line, scanner) => {
      if (line.lineNumber === 1) scanner.watchNextLines(2);
    });
    expect(seen.map((s) => s.line)).toEqual([1, 2, 3]);
  });

  test('invalid UTF-8 becomes U+FFFD', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('XDG_RUNTIME_DIR '),
      0xff,
      0xc3,
      0x0a,
    ]);
    expect(scan([bytes]).seen[0]?.text).toBe('XDG_RUNTIME_DIR \ufffd\ufffd');
  });

  test('cuts a line longer than MAX_LINE_BYTES, keeps its start, and goes on with the next line', () => {
    const long = `XDG_RUNTIME_DIR ${'x'.repeat(MAX_LINE_BYTES)}`;
    const { seen, cut, lines } = scan([`${long}\nno space left on device\n`]);
    expect(cut).toEqual([1]);
    expect(lines).toBe(2);
    expect(seen[0]?.text).toBe(long.slice(0, MAX_LINE_BYTES));
    expect(seen[1]).toMatchObject({ line: 2, text: 'no space left on device' });
  });

  test('a 20 MB line without a newline, in 64 KiB chunks, is cut and not buffered whole', () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const first = new TextEncoder().encode('XDG_RUNTIME_DIR ');
    const { seen, cut, lines } = scan([first, ...Array.from({ length: 320 }, () => chunk)]);
    expect(cut).toEqual([1]);
    expect(lines).toBe(1);
    expect(seen[0]?.text.length).toBe(MAX_LINE_BYTES);
  });

  test('gives the same result however the input is cut into chunks', () => {
    const piece = fc.constantFrom(
      'no space left on device',
      'fork/exec /proc/self/exe',
      'XDG_RUNTIME_DIR',
      'error',
      '\n',
      '\r\n',
      '\u001b[31m',
      '\u001b]0;t\u0007',
      'é',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (pieces, cuts) => {
          const bytes = new TextEncoder().encode(pieces.join(''));
          const at = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((start, i) =>
            bytes.subarray(start, [...at, bytes.length][i]),
          );
          expect(scan(chunks)).toEqual(scan([bytes]));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('finds a literal behind escape sequences exactly when stripEscapes would reveal it', () => {
    const piece = fc.constantFrom(
      'no space ',
      'left on device',
      'XDG_RUNTIME_DIR',
      '\u001b[',
      '\u001b]',
      '\u001b(',
      '\u001b',
      '\u0007',
      '\\',
      '31m',
      ';',
      'B',
      '\u0008',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const line = pieces.join('');
        const visible = stripEscapes(line).toLowerCase();
        const expected = LITERALS.flatMap((literal, id) =>
          visible.includes(literal.toLowerCase()) ? [id] : [],
        );
        expect(scan([`${line}\n`]).seen[0]?.candidates ?? []).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
