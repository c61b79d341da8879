import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/diagnose/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { compileMatcher } from '../../src/match/stream-matcher.js';
import { PasteSession, type Card, type PendingDiagnosis } from '../../src/ui/paste-session.js';
import { SAMPLE_ENTRIES } from '../search/sample-kb.js';

const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const SUBUID =
  '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("alice")';

function createSession(
  options: {
    probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
    ignore?: string[];
  } = {},
) {
  const pending: PendingDiagnosis[] = [];
  const cards: Card[] = [];
  const session = new PasteSession(
    {
      matcher: compileMatcher(SAMPLE_ENTRIES),
      ignore: new Set(options.ignore ?? []),
      probe: options.probe,
      suggest: (text) =>
        text.includes('dbus')
          ? [{ id: 'dbus-user-session-missing', title: 'D-Bus', score: 0.2 }]
          : [],
      describe: (text) =>
        text.includes('log out') ? [{ id: 'linger-disabled', title: 'Linger', score: 0.1 }] : [],
    },
    { onPending: (found) => pending.push(found), onCard: (card) => cards.push(card) },
  );
  return { session, pending, cards };
}

describe('PasteSession', () => {
  it('turns a pasted error into a pending finding, then a diagnosis card with probe results', async () => {
    const probe = async (entry: CompiledEntry): Promise<ProbeResult[]> =>
      entry.probes.map((spec) => ({ id: spec.id, verdict: 'confirmed', evidence: 'value = 0' }));
    const { session, pending, cards } = createSession({ probe });
    session.paste(SEED);
    expect(pending.map((found) => [found.entry.id, found.line])).toEqual([
      ['max-user-namespaces-too-low', 1],
    ]);
    await session.settled();
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      kind: 'diagnosis',
      key: pending[0]!.key,
      diagnosis: {
        id: 'max-user-namespaces-too-low',
        verdict: 'confirmed',
        line: 1,
        text: SEED,
        probes: [{ id: 'max-user-namespaces-value', verdict: 'confirmed' }],
      },
    });
    expect(session.linesRead).toBe(1);
  });

  it('folds the same error pasted again into the card it already has', async () => {
    const { session, cards } = createSession();
    session.paste(`${SEED}\n`);
    session.paste(SEED);
    await session.settled();
    expect(cards).toHaveLength(1);
    expect(session.linesRead).toBe(2);
  });

  it('keeps input order when an earlier entry is probed more slowly', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const probe = async (entry: CompiledEntry): Promise<ProbeResult[]> => {
      if (entry.id === 'max-user-namespaces-too-low') await slow;
      return [];
    };
    const { session, cards } = createSession({ probe });
    session.paste(`${SEED}\r\n${SUBUID}\r\n`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(cards).toEqual([]);
    release();
    await session.settled();
    expect(cards.map((card) => card.kind === 'diagnosis' && card.diagnosis.id)).toEqual([
      'max-user-namespaces-too-low',
      'subuid-range-missing',
    ]);
  });

  it('fills captured values into fixes, shell-quoted', async () => {
    const { session, cards } = createSession();
    session.paste(SUBUID);
    await session.settled();
    const card = cards[0];
    expect(card?.kind === 'diagnosis' && card.diagnosis.fixes[0]?.command).toBe(
      "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'",
    );
  });

  it('turns an unmatched error line into a suggestion, once', async () => {
    const { session, cards } = createSession();
    session.paste('Error: failed to talk to dbus somehow\nError: failed to talk to dbus somehow');
    await session.settled();
    expect(cards).toEqual([
      {
        kind: 'suggestion',
        key: 'suggestion-1',
        suggestion: {
          line: 1,
          text: 'Error: failed to talk to dbus somehow',
          candidates: [{ id: 'dbus-user-session-missing', title: 'D-Bus', score: 0.2 }],
        },
      },
    ]);
  });

  it('still gives a card, unprobed, when the probe runner fails', async () => {
    const { session, cards } = createSession({ probe: () => Promise.reject(new Error('boom')) });
    session.paste(SEED);
    await session.settled();
    expect(cards[0]).toMatchObject({ diagnosis: { verdict: 'unknown', probes: [] } });
  });

  it('drops ignored entries', async () => {
    const { session, cards, pending } = createSession({ ignore: ['max-user-namespaces-too-low'] });
    session.paste(SEED);
    await session.settled();
    expect([cards, pending]).toEqual([[], []]);
  });

  it('reads colour codes and journald prefixes the way pipe mode does', async () => {
    const { session, cards } = createSession();
    session.paste(`Sep 27 14:44:14 host dockerd-rootless.sh[3117]: \x1b[31m${SEED}\x1b[0m`);
    await session.settled();
    expect(cards[0]).toMatchObject({ diagnosis: { text: SEED } });
  });

  it('reads a paste of a few words with no error line as a symptom described in words', async () => {
    const { session, cards } = createSession();
    session.paste('my containers stop   when I log out\n');
    session.paste('fine\n');
    session.paste('nothing about it here at all\n');
    await session.settled();
    expect(cards).toEqual([
      {
        kind: 'suggestion',
        key: 'suggestion-1',
        suggestion: {
          line: 1,
          text: 'my containers stop when I log out',
          candidates: [{ id: 'linger-disabled', title: 'Linger', score: 0.1 }],
        },
      },
    ]);
  });
});
