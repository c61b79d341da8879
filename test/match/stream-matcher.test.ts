import { describe, expect, test } from 'vitest';
import { compileMatcher, StreamMatcher } from '../../src/match/stream-matcher.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { makeEntry } from '../helpers/make-entry.js';

const DBUS = makeEntry({
  id: 'dbus-user-session-missing',
  signatures: [
    {
      regex: 'read unix @->/run/systemd/private: read: connection reset by peer',
      literal: '/run/systemd/private',
    },
  ],
});
const USERNS = makeEntry({
  id: 'userns-clone-disabled',
  signatures: [
    {
      regex: 'fork/exec /proc/self/exe: operation not permitted',
      literal: 'fork/exec /proc/self/exe',
    },
  ],
});
const APPARMOR = makeEntry({
  ...USERNS,
  id: 'apparmor-userns-restriction',
  signatures: USERNS.signatures,
});
const SUBUID = makeEntry({
  id: 'subuid-range-missing',
  signatures: [
    {
      regex: 'No subuid ranges found for user (?<uid>\\d+) \\("(?<user>[a-z_][a-z0-9_-]*)"\\)',
      literal: 'No subuid ranges found for user',
    },
    { regex: 'No subuid ranges found', literal: 'No subuid ranges found' },
  ],
});

type Event =
  | {
      match: string;
      line: number;
      text: string;
      signature: number;
      captures: Record<string, string>;
    }
  | { error: number; text: string }
  | { cut: number };

function run(entries: CompiledEntry[], chunks: string[]): { events: Event[]; lines: number } {
  const events: Event[] = [];
  const matcher = new StreamMatcher(compileMatcher(entries), {
    onMatch: (m) =>
      events.push({
        match: entries[m.entryIndex]!.id,
        line: m.line,
        text: m.text,
        signature: m.signatureIndex,
        captures: m.captures,
      }),
    onUnmatchedError: (line, text) => events.push({ error: line, text }),
    onCutLine: (line) => events.push({ cut: line }),
  });
  for (const chunk of chunks) matcher.push(new TextEncoder().encode(chunk));
  matcher.end();
  return { events, lines: matcher.linesRead };
}

describe('StreamMatcher', () => {
  test('matches on the normalised text and returns named captures', () => {
    const log =
      'Sep 27 14:44:14 host dockerd-rootless.sh[3117]: [rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("testuser")\n';
    expect(run([SUBUID], [log]).events).toEqual([
      {
        match: 'subuid-range-missing',
        line: 1,
        signature: 0,
        captures: { uid: '1001', user: 'testuser' },
        text: '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("testuser")',
      },
    ]);
  });

  test('an entry matches once per line, with its first matching signature', () => {
    const { events } = run([SUBUID], ['No subuid ranges found\n']);
    expect(events).toMatchObject([{ match: 'subuid-range-missing', signature: 1, captures: {} }]);
  });

  test('two entries that share a line both match it (probes tell them apart later)', () => {
    const { events } = run(
      [USERNS, APPARMOR],
      [
        '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted\n',
      ],
    );
    expect(events.map((e) => 'match' in e && e.match)).toEqual([
      'userns-clone-disabled',
      'apparmor-userns-restriction',
    ]);
  });

  test("rejoins the docs' terminal-wrapped dbus error and reports its first physical line", () => {
    // docs.docker.com rootless troubleshooting, as copied from a 227-column terminal
    const wrapped = [
      '$ docker run hello-world',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:385: applying cgroup configuration for process caused: error while starting unit "docker',
      '-931c15729b5a968ce803784d04c7421f791d87e5ca1891f34387bb9f694c488e.scope" with properties [{Name:Description Value:"libcontainer container 931c15729b5a968ce803784d04c7421f791d87e5ca1891f34387bb9f694c488e"} {Name:Slice Value:"use',
      'r.slice"} {Name:PIDs Value:@au [4529]} {Name:Delegate Value:true} {Name:MemoryAccounting Value:true} {Name:CPUAccounting Value:true} {Name:IOAccounting Value:true} {Name:TasksAccounting Value:true} {Name:DefaultDependencies Val',
      'ue:false}]: read unix @->/run/systemd/private: read: connection reset by peer: unknown.',
      '',
    ].join('\n');
    const { events } = run([DBUS], [wrapped]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ match: 'dbus-user-session-missing', line: 2 });
    expect((events[0] as { text: string }).text).toMatch(
      /^OCI runtime create failed: .*"docker-931c.*Slice Value:"user\.slice".*DefaultDependencies Value:false}\]: read unix @->\/run\/systemd\/private: read: connection reset by peer: unknown\.$/,
    );
  });

  test('a literal cut in two by the wrap is found, and the match rejoined without a separator', () => {
    const { events } = run(
      [USERNS],
      [
        '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/sel\nf/exe: operation not permitted\n',
      ],
    );
    expect(events).toEqual([
      {
        match: 'userns-clone-disabled',
        line: 1,
        signature: 0,
        captures: {},
        text: '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted',
      },
    ]);
  });

  test('a wrap after the literal: the next lines are watched, and a lost space is put back', () => {
    const { events } = run(
      [USERNS],
      [
        '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not\npermitted\n',
      ],
    );
    expect(events).toMatchObject([
      {
        match: 'userns-clone-disabled',
        line: 1,
        text: '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted',
      },
    ]);
  });

  test('a rejoin never counts a line twice for the same entry', () => {
    const { events } = run(
      [USERNS],
      ['fork/exec /proc/self/exe: operation not permitted\nfork/exec /proc/self/exe: nothing\n'],
    );
    expect(events).toMatchObject([{ match: 'userns-clone-disabled', line: 1 }]);
  });

  test('error-looking lines that match nothing are reported after the chunk, matched ones are not', () => {
    const { events } = run(
      [SUBUID],
      [
        'time="2024-03-01T10:00:00Z" level=info msg="Starting up"\nlevel=error msg="failed to mount overlay: operation not permitted"\nNo subuid ranges found, error\n',
      ],
    );
    expect(events).toEqual([
      {
        match: 'subuid-range-missing',
        line: 3,
        signature: 1,
        captures: {},
        text: 'No subuid ranges found, error',
      },
      { error: 2, text: 'level=error msg=failed to mount overlay: operation not permitted' },
    ]);
  });

  test('reports cut lines and counts every line', () => {
    const { events, lines } = run([SUBUID], [`${'a'.repeat(70_000)}\nok\n`]);
    expect(events).toEqual([{ cut: 1 }]);
    expect(lines).toBe(2);
  });
});
