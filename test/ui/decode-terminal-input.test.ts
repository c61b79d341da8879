import { describe, expect, it } from 'vitest';
import {
  createInputDecoder,
  MAX_CONTROL_STRING,
  MAX_PASTE_LENGTH,
  PASTE_END,
  PASTE_START,
} from '../../src/ui/decode-terminal-input.js';

function decode(...raw: string[]) {
  const decoder = createInputDecoder();
  return raw.flatMap((event) => decoder.push(event));
}

describe('createInputDecoder', () => {
  it('turns everything between the bracketed paste markers into one paste', () => {
    expect(decode(PASTE_START, 'q line one\r?line two\r', '\x1b[31m', 'x', PASTE_END)).toEqual([
      { kind: 'paste', text: 'q line one\r?line two\r\x1b[31mx' },
    ]);
  });

  it('keeps a paste split over several reads together', () => {
    const decoder = createInputDecoder();
    expect(decoder.push(PASTE_START)).toEqual([]);
    expect(decoder.push('first half ')).toEqual([]);
    expect(decoder.inPaste).toBe(true);
    expect(decoder.push('second half')).toEqual([]);
    expect(decoder.push(PASTE_END)).toEqual([{ kind: 'paste', text: 'first half second half' }]);
    expect(decoder.inPaste).toBe(false);
  });

  it('lets go of a paste whose end marker never came', () => {
    const decoder = createInputDecoder();
    decoder.push(PASTE_START);
    decoder.push('abc');
    expect(decoder.flush()).toEqual([{ kind: 'paste', text: 'abc' }]);
    expect(decoder.flush()).toEqual([]);
    expect(decoder.push('q')).toEqual([{ kind: 'key', key: 'text', text: 'q' }]);
  });

  it('cuts a paste larger than the limit', () => {
    const [paste] = decode(PASTE_START, 'x'.repeat(MAX_PASTE_LENGTH), 'more', PASTE_END);
    expect(paste).toEqual({ kind: 'paste', text: 'x'.repeat(MAX_PASTE_LENGTH) });
  });

  it('takes a burst with a line break as a paste when the terminal has no bracketed paste', () => {
    expect(decode('error one\rerror two')).toEqual([
      { kind: 'paste', text: 'error one\rerror two' },
    ]);
  });

  it('decodes named keys', () => {
    expect(
      decode('\x1b[A', '\x1bOB', '\x1b[C', '\x1b[D', '\x1b[5~', '\x1b[6~', '\x1b[H', '\x1b[F'),
    ).toEqual(
      ['up', 'down', 'right', 'left', 'page-up', 'page-down', 'home', 'end'].map((key) => ({
        kind: 'key',
        key,
        text: '',
      })),
    );
    expect(decode('\r', '\t', '\x1b[Z', '\x7f', '\x03', '\x15', '\x1b')).toEqual(
      ['enter', 'tab', 'shift-tab', 'backspace', 'ctrl-c', 'ctrl-u', 'escape'].map((key) => ({
        kind: 'key',
        key,
        text: '',
      })),
    );
  });

  it('gives typed characters as text and drops unknown sequences and controls', () => {
    expect(decode('q', 'ab', '\x1b[15~', '\x07', 'ü')).toEqual([
      { kind: 'key', key: 'text', text: 'q' },
      { kind: 'key', key: 'text', text: 'ab' },
      { kind: 'key', key: 'text', text: 'ü' },
    ]);
  });

  it('reads Esc and the key typed right after it as two keys', () => {
    expect(decode('\x1bq')).toEqual([
      { kind: 'key', key: 'escape', text: '' },
      { kind: 'key', key: 'text', text: 'q' },
    ]);
  });

  it('splits a run of keys around control characters', () => {
    expect(decode('ab\x7f')).toEqual([
      { kind: 'key', key: 'text', text: 'ab' },
      { kind: 'key', key: 'backspace', text: '' },
    ]);
  });
});

describe('control strings (OSC, DCS, APC, PM, SOS)', () => {
  const text = (value: string) => ({ kind: 'key', key: 'text', text: value });

  it('drops a string and its terminator as Ink splits it (ESC ], the body, BEL or ESC \\)', () => {
    expect(decode('a', '\x1b]', '52;c;ZXZpbA==\x07', 'b')).toEqual([text('a'), text('b')]);
    expect(decode('\x1bP', '1$r0m', '\x1b\\', 'c')).toEqual([text('c')]);
    expect(decode('\x1b_', 'Gi=1;OK', '\x1b\\', 'd')).toEqual([text('d')]);
  });

  it('decodes what follows the terminator in the same read', () => {
    expect(decode('\x1b]', '11;rgb:0000/0000/0000\x07xy')).toEqual([text('xy')]);
  });

  it('ends an unterminated string at a line break, another sequence or the length limit', () => {
    expect(decode('\x1b]', 'abc', '\r')).toEqual([{ kind: 'key', key: 'enter', text: '' }]);
    expect(decode('\x1b]', 'abc', '\x1b[A', 'q')).toEqual([
      { kind: 'key', key: 'up', text: '' },
      text('q'),
    ]);
    expect(decode('\x1b]', 'x'.repeat(MAX_CONTROL_STRING), 'yz')).toEqual([text('yz')]);
    expect(decode('\x1b]', 'x'.repeat(MAX_CONTROL_STRING - 1), 'yz')).toEqual([text('z')]);
  });

  it('keeps Esc followed by another letter as Esc and that letter', () => {
    expect(decode('\x1bq')).toEqual([{ kind: 'key', key: 'escape', text: '' }, text('q')]);
  });

  it('keeps Esc followed by an arrow in the same read (Ink joins them) as both keys', () => {
    expect(decode('\x1b\x1b[B')).toEqual([
      { kind: 'key', key: 'escape', text: '' },
      { kind: 'key', key: 'down', text: '' },
    ]);
  });
});
