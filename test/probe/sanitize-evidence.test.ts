import { describe, expect, it } from 'vitest';
import { capText, sanitizeEvidence } from '../../src/probe/sanitize-evidence.js';

describe('evidence strings', () => {
  it('remove escape sequences, control characters and bidi overrides, and stay one line', () => {
    expect(
      sanitizeEvidence('a\u001b[31mred\u001b[0m\r\nnext\u0007\u009b\u202eevil\u2028x\ty'),
    ).toBe('a [31mred [0m next evil x y');
  });

  it('are capped with an ellipsis, counting code points', () => {
    expect(sanitizeEvidence('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
    expect(capText('😀😀😀', 2)).toBe('😀…');
    expect(capText('short', 10)).toBe('short');
  });
});
