import { describe, expect, test } from 'vitest';
import { asciiJson } from '../../scripts/write-kb-json.js';

describe('asciiJson', () => {
  const value = {
    dash: 'rootless — mode',
    quote: '“quoted” \u007f',
    emoji: 'ok 🐳',
    escapes: 'tab\there "q" \\ back',
    list: ['plain', 'é'],
  };

  test('writes only printable ASCII', () => {
    expect(asciiJson(value)).toMatch(/^[\x20-\x7e]*$/);
  });

  test('parses back to the same value', () => {
    expect(JSON.parse(asciiJson(value))).toEqual(value);
  });

  test('escapes each UTF-16 unit, a surrogate pair as two', () => {
    expect(asciiJson('—🐳')).toBe('"\\u2014\\ud83d\\udc33"');
  });
});
