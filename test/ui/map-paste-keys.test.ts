// The paste view's keys: letters are shortcuts only alone and while nothing is typed.
import { describe, expect, it } from 'vitest';
import type { InputEvent } from '../../src/ui/decode-terminal-input.js';
import { mapGlobalKey, mapPasteKey } from '../../src/ui/map-keys.js';
import { typedLineReducer } from '../../src/ui/use-typed-line.js';

type Key = Extract<InputEvent, { kind: 'key' }>;
const text = (value: string): Key => ({ kind: 'key', key: 'text', text: value });
const key = (name: Key['key']): Key => ({ kind: 'key', key: name, text: '' });

describe('mapPasteKey', () => {
  it('takes c and / as shortcuts only on an empty line, and only alone', () => {
    expect(mapPasteKey(text('c'), false)).toEqual({ type: 'copy' });
    expect(mapPasteKey(text('/'), false)).toEqual({ type: 'filter' });
    expect(mapPasteKey(text('c'), true)).toEqual({ type: 'type', text: 'c' });
    expect(mapPasteKey(text('cannot'), false)).toEqual({ type: 'type', text: 'cannot' });
    // no vi letters here: they would keep a line from starting with them
    for (const letter of ['h', 'j', 'k', 'l', 'g', 'G', ' ']) {
      expect(mapPasteKey(text(letter), false)).toEqual({ type: 'type', text: letter });
    }
  });

  it('gives Enter, Backspace and Esc to the line while it has text', () => {
    expect(mapPasteKey(key('enter'), true)).toEqual({ type: 'submit' });
    expect(mapPasteKey(key('enter'), false)).toEqual({ type: 'open' });
    expect(mapPasteKey(key('backspace'), true)).toEqual({ type: 'delete-back' });
    expect(mapPasteKey(key('backspace'), false)).toBeUndefined();
    expect(mapPasteKey(key('escape'), true)).toEqual({ type: 'clear-line' });
    expect(mapPasteKey(key('ctrl-u'), true)).toEqual({ type: 'clear-line' });
  });

  it('moves through cards and fixes with the arrows whether or not a line is typed', () => {
    for (const typed of [false, true]) {
      expect(mapPasteKey(key('up'), typed)).toEqual({ type: 'move-card', by: -1 });
      expect(mapPasteKey(key('down'), typed)).toEqual({ type: 'move-card', by: 1 });
      expect(mapPasteKey(key('left'), typed)).toEqual({ type: 'select-fix', by: -1 });
      expect(mapPasteKey(key('right'), typed)).toEqual({ type: 'select-fix', by: 1 });
      expect(mapPasteKey(key('page-up'), typed)).toEqual({ type: 'scroll-page', direction: -1 });
      expect(mapPasteKey(key('home'), typed)).toEqual({ type: 'card', where: 'first' });
    }
  });

  it('quits on q and opens help on ? only while not typing; Ctrl-C always quits', () => {
    expect(mapGlobalKey(text('q'), false)).toBe('quit');
    expect(mapGlobalKey(text('q'), true)).toBeUndefined();
    expect(mapGlobalKey(text('?'), true)).toBeUndefined();
    expect(mapGlobalKey(key('ctrl-c'), true)).toBe('quit');
    expect(mapGlobalKey(text('qq'), false)).toBeUndefined();
  });
});

describe('typedLineReducer', () => {
  it('keeps printable text of one line, without C1 or bidi controls, to a bounded length', () => {
    expect(typedLineReducer('ab', { type: 'insert', text: 'c\u009b\u202ed\u200be' })).toBe('abcde');
    expect(typedLineReducer('', { type: 'insert', text: 'one\rtwo' })).toBe('one');
    expect(typedLineReducer('x'.repeat(4095), { type: 'insert', text: 'yz' })).toBe(
      `${'x'.repeat(4095)}y`,
    );
    expect(typedLineReducer('a😀', { type: 'delete-back' })).toBe('a');
    expect(typedLineReducer('abc', { type: 'clear' })).toBe('');
  });
});
