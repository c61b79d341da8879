import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { shellQuote } from '../../src/diagnose/shell-quote.js';

describe('shellQuote', () => {
  test("wraps in single quotes and writes a quote as '\\''", () => {
    expect(shellQuote('alice')).toBe("'alice'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  test('a POSIX shell reads back exactly the value, expanding nothing', () => {
    for (const value of ['$(touch /tmp/x)', '`id`', 'a\'b"c\\d', '$HOME *', 'new\nline']) {
      const echoed = execFileSync('sh', ['-c', `printf %s ${shellQuote(value)}`], {
        encoding: 'utf8',
      });
      expect(echoed).toBe(value);
    }
  });
});
