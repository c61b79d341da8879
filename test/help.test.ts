// Every help text fits an 80-column terminal (issue 14: --help had lines of 94 columns).
import { describe, expect, it } from 'vitest';
import * as help from '../src/help.js';

const TEXTS = Object.entries(help as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);

describe('help texts', () => {
  it('are all checked: the help and the usage hint', () => {
    expect(TEXTS.map(([name]) => name).sort()).toEqual(['HELP', 'USAGE_HINT']);
  });

  it.each(TEXTS)('%s fits 80 columns, without tabs', (_name, text) => {
    const tooWide = text.split('\n').filter((line) => [...line].length > 80 || line.includes('\t'));
    expect(tooWide).toEqual([]);
  });
});
