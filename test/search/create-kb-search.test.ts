import { describe, expect, it } from 'vitest';
import { createKbSearch, MAX_QUERY_CHARS } from '../../src/search/create-kb-search.js';
import { SAMPLE_ENTRIES } from './sample-kb.js';

const kb = createKbSearch(SAMPLE_ENTRIES);
const search = (query: string) => kb.query(query);

function ids(query: string): string[] {
  return search(query).map((hit) => hit.entry.id);
}

describe('createKbSearch', () => {
  it('ranks the entry whose signature matches a whole pasted error line first', () => {
    const hits = search(
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
    );
    expect(hits[0]).toMatchObject({
      entry: { id: 'max-user-namespaces-too-low' },
      match: 'signature',
    });
  });

  it('ranks an exact error fragment or sysctl name first', () => {
    expect(ids('no space left on device')[0]).toBe('max-user-namespaces-too-low');
    expect(ids('kernel.unprivileged_userns_clone')).toEqual(['userns-clone-disabled']);
    expect(ids('user.max_user_namespaces')[0]).toBe('max-user-namespaces-too-low');
  });

  it('still finds an entry through a typo', () => {
    expect(search('max_user_namspaces')[0]).toMatchObject({
      entry: { id: 'max-user-namespaces-too-low' },
      match: 'fuzzy',
    });
  });

  it('scores a multi-word query word by word', () => {
    expect(ids('cgroup delegation')[0]).toBe('cgroup-controller-not-delegated');
  });

  it('finds every entry that names a word verbatim, the closest first', () => {
    expect(ids('subuid')).toEqual(['subuid-range-missing']);
    expect(ids('userns').slice(0, 3).sort()).toEqual([
      'max-user-namespaces-too-low',
      'subuid-range-missing',
      'userns-clone-disabled',
    ]);
  });

  it('returns nothing for an empty query or a word no entry is near', () => {
    expect(search('   ')).toEqual([]);
    expect(search('xyzzy')).toEqual([]);
  });

  it('is case-insensitive', () => {
    expect(ids('DBUS')[0]).toBe('dbus-user-session-missing');
  });

  it('says why each hit matched: the parts of the entry and the words of the query', () => {
    const [line] = search('fork/exec /proc/self/exe: no space left on device');
    expect(line).toMatchObject({
      match: 'signature',
      entry: { id: 'max-user-namespaces-too-low' },
    });
    // the whole line matched a signature; its words (`space` in `namespaces`) are also in other parts
    expect(line?.why.fields).toEqual(['signature', 'keyword', 'target', 'id', 'title', 'summary']);
    expect(line?.why.terms).toEqual([
      'fork/exec',
      'proc/self/exe',
      'no',
      'space',
      'left',
      'on',
      'device',
    ]);
    const [typo] = search('max_user_namspaces');
    // a typo matches fuzzily (no word of the query is there verbatim): the parts fuse.js found it in
    expect(typo?.why).toEqual({
      fields: ['signature', 'keyword', 'target', 'id', 'title', 'summary'],
      terms: [],
    });
    const [word] = search('dbus');
    expect(word?.why.fields).toContain('id');
    expect(word?.why.terms).toEqual(['dbus']);
  });
});

describe('bounds', () => {
  it('reads at most MAX_QUERY_CHARS of a query (a pasted blob)', () => {
    const blob = `${'x'.repeat(MAX_QUERY_CHARS)} dbus`;
    expect(search(blob)).toEqual([]);
    expect(search(`dbus ${'x'.repeat(100_000)}`)).toEqual(
      search(`dbus ${'x'.repeat(MAX_QUERY_CHARS - 5)}`),
    );
  });
});

describe('did you mean, from the same search', () => {
  it('names ids near a mistyped one, else the entries its words are about', () => {
    expect(kb.didYouMean('max-user-namespace-too-low')).toEqual(['max-user-namespaces-too-low']);
    expect(kb.didYouMean('sub-uid-ranges')).toEqual(['subuid-range-missing']);
    expect(kb.didYouMean('xyzzy')).toEqual([]);
  });
});
