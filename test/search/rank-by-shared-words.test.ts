import { describe, expect, test } from 'vitest';
import {
  createWordRanker,
  MAX_GUESS_CHARS,
  termsOf,
} from '../../src/search/rank-by-shared-words.js';
import { makeEntry } from '../helpers/make-entry.js';
import { createKbSearch } from '../../src/search/create-kb-search.js';
import { guessTexts } from '../../src/search/search-fields.js';
import { loadKb } from '../real-world/diagnose-record.js';

const ENTRIES = [
  makeEntry({
    id: 'newuidmap-missing',
    title: 'newuidmap is not installed',
    keywords: ['uidmap package'],
    signatures: [{ regex: 'exec: "newuidmap": executable file not found', literal: 'newuidmap' }],
    examples: {
      match: [
        {
          text: '[rootlesskit:parent] error: failed to setup UID/GID map: exec: "newuidmap": executable file not found in $PATH',
        },
      ],
      noMatch: [],
    },
  }),
  makeEntry({
    id: 'max-user-namespaces-too-low',
    title: 'The user namespace limit is too low',
    keywords: ['max_user_namespaces'],
    signatures: [{ regex: 'no space left on device', literal: 'no space left on device' }],
  }),
];

describe('guesses by shared telling words', () => {
  test('terms are lower-case words and adjacent pairs, without log noise, numbers or hex ids', () => {
    expect(
      termsOf('time="2024" level=error msg="newuidmap 1000 deadbeefcafe: Operation not permitted"'),
    ).toEqual([
      'newuidmap',
      'operation',
      'newuidmap operation',
      'not',
      'operation not',
      'permitted',
      'not permitted',
    ]);
  });

  test('an unmatched wording of a known failure points at the entry whose real lines share its words', () => {
    const ranker = createWordRanker(ENTRIES.map(guessTexts));
    const [first] = ranker.rank(
      'error: newuidmap: command not found (is the uidmap package installed?)',
      3,
    );
    expect(first).toMatchObject({ index: 0 });
  });

  test('only a bounded prefix of a line is read', () => {
    const long = `${'x'.repeat(MAX_GUESS_CHARS)} newuidmap uidmap package`;
    expect(termsOf(long)).toEqual(['x'.repeat(MAX_GUESS_CHARS)]);
    const ranker = createWordRanker(ENTRIES.map(guessTexts));
    const started = performance.now();
    ranker.rank(`error: ${'newuidmap failed '.repeat(4000)}`, 3);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

test('search finds an entry by the symptom in words', async () => {
  const kb = await loadKb();
  const search = createKbSearch(kb.entries);
  expect(search.query('containers stop when I log out')[0]?.entry.id).toBe('linger-disabled');
}, 60_000);
