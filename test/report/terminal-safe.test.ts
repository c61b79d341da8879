import { describe, expect, test } from 'vitest';
import { toTerminalSafe } from '../../src/report/terminal-safe.js';

describe('toTerminalSafe', () => {
  test('removes escape sequences, controls and OSC 52 clipboard writes', () => {
    expect(toTerminalSafe('ok\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2J\u001b[Hdone\u0000')).toBe(
      'okdone',
    );
  });

  test('removes bidi overrides and zero-width characters, turns tabs into spaces', () => {
    expect(toTerminalSafe('sudo \u202erm\u202c -rf\u200b\tx')).toBe('sudo rm -rf x');
  });

  test('shortens long text with an ellipsis, never inside a surrogate pair', () => {
    expect(toTerminalSafe('abcdef', 4)).toBe('abc…');
    expect(toTerminalSafe('ab😀def', 4)).toBe('ab…');
    expect(toTerminalSafe('x'.repeat(500))).toHaveLength(400);
  });
});
