import { describe, expect, it } from 'vitest';
import { probeOnce } from '../../src/diagnose/probe-once.js';
import { makeEntry } from '../helpers/make-entry.js';

const entry = makeEntry({ id: 'max-user-namespaces-too-low', signatures: ['no space left'] });
const other = makeEntry({ id: 'subuid-range-missing', signatures: ['No subuid ranges'] });

describe('probeOnce', () => {
  it('probes each entry once; later requests share the answer', async () => {
    const calls: string[] = [];
    const probe = probeOnce(async (e) => {
      calls.push(e.id);
      return [{ id: `${e.id}-probe`, verdict: 'confirmed', evidence: 'seen' }];
    });
    const [a, b, c] = await Promise.all([probe(entry), probe(entry), probe(other)]);
    expect(calls).toEqual(['max-user-namespaces-too-low', 'subuid-range-missing']);
    expect(a).toBe(b);
    expect(c).toEqual([
      { id: 'subuid-range-missing-probe', verdict: 'confirmed', evidence: 'seen' },
    ]);
  });

  it('a failing runner leaves the entry unprobed instead of failing the run', async () => {
    const probe = probeOnce(() => Promise.reject(new Error('host went away')));
    expect(await probe(entry)).toEqual([]);
  });

  it('without a runner (--no-probe) every entry is unprobed', async () => {
    expect(await probeOnce(undefined)(entry)).toEqual([]);
  });
});
