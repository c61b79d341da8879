import { describe, expect, test } from 'vitest';
import { createKbSearch } from '../../src/search/create-kb-search.js';
import { makeEntry } from '../helpers/make-entry.js';

const ENTRIES = [
  makeEntry({
    id: 'overlay-unavailable-fallback',
    title: 'Kernel overlayfs is unavailable to the rootless daemon',
    keywords: ['overlay2', 'failed to mount overlay', 'fuse-overlayfs', 'vfs'],
    signatures: [
      {
        regex: 'failed to mount overlay: operation not permitted',
        literal: 'failed to mount overlay',
      },
    ],
  }),
  makeEntry({
    id: 'published-port-already-in-use',
    title: 'The published host port is already taken on the host',
    keywords: ['port is already allocated', 'address already in use', 'bind'],
    signatures: [{ regex: 'port is already allocated', literal: 'port is already allocated' }],
  }),
  makeEntry({
    id: 'user-unit-not-found',
    title: 'The docker.service user unit does not exist',
    keywords: ['Unit docker.service not found', 'systemctl --user'],
    signatures: [
      { regex: 'Unit docker\\.service not found', literal: 'Unit docker.service not found' },
    ],
  }),
];

describe('createKbSearch: guesses and the same entries by query', () => {
  const search = createKbSearch(ENTRIES);

  test('guess: an unmatched variant of a known error points at its entry', () => {
    expect(
      search.guess(
        'level=error msg="failed to mount overlay: invalid argument" storage-driver=overlay2',
      ),
    ).toMatchObject([
      {
        id: 'overlay-unavailable-fallback',
        title: 'Kernel overlayfs is unavailable to the rootless daemon',
      },
    ]);
    expect(
      search.guess('Bind for 0.0.0.0:8080 failed: port is already in use by another')[0],
    ).toMatchObject({
      id: 'published-port-already-in-use',
    });
  });

  test('guess: garbage, noise words and a single shared word give no candidate', () => {
    expect(search.guess('asdkjh qwoeiu zxcmnb error poiqwe lkjasd')).toEqual([]);
    expect(search.guess('level=error msg="failed" error="unknown"')).toEqual([]);
    expect(search.guess('Error: could not bind the widget')).toEqual([]);
    expect(search.guess('')).toEqual([]);
  });

  test('guess: scores are between 0 (perfect) and the threshold, best first', () => {
    const found = search.guess('Failed to start docker.service: Unit docker.service not found.');
    expect(found[0]?.id).toBe('user-unit-not-found');
    for (const candidate of found) expect(candidate.score).toBeGreaterThanOrEqual(0);
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => a - b));
  });

  test('search: keyword search, best first', () => {
    expect(search.query('overlay')[0]?.entry.id).toBe('overlay-unavailable-fallback');
  });
});
