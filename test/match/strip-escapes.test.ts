import { describe, expect, test } from 'vitest';
import { stripEscapes } from '../../src/match/strip-escapes.js';

describe('stripEscapes', () => {
  test('leaves plain text (and tabs) alone', () => {
    expect(stripEscapes('level=info msg="API listen on /run/user/1000/docker.sock"\t')).toBe(
      'level=info msg="API listen on /run/user/1000/docker.sock"\t',
    );
  });

  test('removes colour codes from logrus TTY output', () => {
    expect(
      stripEscapes(
        '\u001b[31mERRO\u001b[0m[0000] [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted',
      ),
    ).toBe(
      'ERRO[0000] [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted',
    );
  });

  test('removes cursor moves, private modes and erase sequences', () => {
    expect(stripEscapes('\u001b[2K\u001b[1G\u001b[?25lPulling fs layer\u001b[1A')).toBe(
      'Pulling fs layer',
    );
  });

  test('removes OSC strings ended by BEL or ST, such as titles and OSC 52 clipboard writes', () => {
    expect(stripEscapes('\u001b]0;user@host: ~\u0007$ docker info')).toBe('$ docker info');
    expect(stripEscapes('a\u001b]52;c;dG91Y2ggL3RtcC94\u001b\\b')).toBe('ab');
    expect(stripEscapes('\u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\')).toBe(
      'link',
    );
  });

  test('an unterminated OSC runs to the end of the line, not beyond', () => {
    expect(stripEscapes('before\u001b]0;never ended')).toBe('before');
  });

  test('an ESC inside an OSC ends it and starts its own sequence', () => {
    expect(stripEscapes('\u001b]0;title\u001b[31mred')).toBe('red');
  });

  test('removes charset designations and two-byte sequences', () => {
    expect(stripEscapes('\u001b(Bplain\u001b7saved\u001b8')).toBe('plainsaved');
  });

  test('drops a lone ESC, CR, backspace, DEL and C1 controls', () => {
    expect(stripEscapes('no space left on device\r')).toBe('no space left on device');
    expect(stripEscapes('a\u001b')).toBe('a');
    expect(stripEscapes('a\u0008b\u007fc\u009bd\u0085e')).toBe('abcde');
  });

  test('a CSI cut by a control character ends there, as in the byte scanner', () => {
    expect(stripEscapes('\u001b[3\u00081mx')).toBe('1mx');
  });
});
