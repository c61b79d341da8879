import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { measureLinePrefix } from '../../src/match/line-prefix.js';
import { normalizeLine } from '../../src/match/normalize-line.js';

const encode = (text: string) => new TextEncoder().encode(text);
const measure = (text: string, end?: number) => measureLinePrefix(encode(text).subarray(0, end), 0);

describe('measureLinePrefix', () => {
  test('journald short and short-precise, syslog with a one-digit day', () => {
    expect(measure('Sep 27 14:44:14 host dockerd-rootless.sh[3117]: msg')).toBe(48);
    expect(measure('Sep 27 14:44:14.123456 host dockerd-rootless.sh[3117]: msg')).toBe(55);
    expect(measure('Sep  7 04:04:04 my-host.example kernel: msg')).toBe(40);
    expect(measure('Sep 7 04:04:04 h su: msg')).toBe(21);
  });

  test('ISO timestamps, with the journald host and ident only when a pid follows', () => {
    expect(measure('2024-09-27T14:44:14+0200 host dockerd-rootless.sh[3117]: msg')).toBe(57);
    expect(measure('2024-09-27T14:44:14.1234567Z msg')).toBe(29);
    expect(measure('2024-09-27 14:44:14,120 could not get XDG_RUNTIME_DIR')).toBe(24);
    expect(measure('2024-09-27T14:44:14+02:00 could not: x')).toBe(26);
  });

  test('no prefix: plain lines, traces, logrus, and near misses', () => {
    for (const line of [
      '[rootlesskit:parent] error: failed to start the child',
      '+ [ -w /run/user/1000 ]',
      'time="2024-09-27T14:44:14Z" level=info msg="x"',
      'Sep 27 14:44 host x: y',
      'Sep 27 14:44:14 host',
      'sep 27 14:44:14 host x: y',
      '2024-09-27T14:44:14',
    ]) {
      expect(measure(line)).toBe(0);
    }
  });

  test('a prefix cut by the end of the chunk is not a prefix (and never a negative length)', () => {
    const line = 'Sep 27 14:44:14 devbox dockerd-rootless.sh[3117]: msg';
    for (let end = 0; end < 48; end++) expect(measure(line, end)).toBe(0);
  });

  test('skips only what normalisation drops', () => {
    const prefix = fc.oneof(
      fc.constantFrom(
        'Sep 27 14:44:14 ',
        'Sep  7 14:44:14.5 ',
        '2024-09-27T14:44:14Z ',
        '2024-09-27 14:44:14+02:00 ',
      ),
      fc.string({ maxLength: 24 }),
    );
    const field = fc.constantFrom(
      'host',
      'dockerd-rootless.sh[3117]:',
      'su:',
      'x',
      '[1]:',
      ':',
      ' ',
      '',
    );
    fc.assert(
      fc.property(prefix, fc.array(field, { maxLength: 4 }), (start, fields) => {
        const line = `${start}${fields.join(' ')} MESSAGE`;
        const bytes = encode(line);
        const length = measureLinePrefix(bytes, 0);
        expect(length).toBeGreaterThanOrEqual(0);
        const skipped = new TextDecoder().decode(bytes.subarray(0, length));
        expect(normalizeLine(line).endsWith(normalizeLine(line.slice(skipped.length)))).toBe(true);
        if (length > 0) expect(normalizeLine(line)).toBe(normalizeLine(line.slice(skipped.length)));
      }),
      { numRuns: 1000 },
    );
  });
});
