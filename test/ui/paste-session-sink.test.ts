import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../src/probe/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { compileMatcher } from '../../src/match/stream-matcher.js';
import { DiagnosisSession } from '../../src/diagnose/diagnosis-session.js';
import { applySessionEvent, NO_CARDS, type PasteCards } from '../../src/ui/paste-session.js';
import { SAMPLE_ENTRIES } from '../search/sample-kb.js';
import { makeEntry } from '../helpers/make-entry.js';

const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const SUBUID =
  '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("alice")';

function createSession(
  options: {
    probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
    ignore?: string[];
    entries?: CompiledEntry[];
  } = {},
) {
  // the TUI's own fold of the session's events (what usePasteSession keeps in React state)
  let state: PasteCards = NO_CARDS;
  const pending: PasteCards['pending'] = [];
  /** the cards the view shows now, kept in one array the tests can hold */
  const cards: PasteCards['cards'] = [];
  const session = new DiagnosisSession(
    {
      matcher: compileMatcher(options.entries ?? SAMPLE_ENTRIES),
      ignore: new Set(options.ignore ?? []),
      probe: options.probe,
      suggest: (text) =>
        text.includes('dbus')
          ? [{ id: 'dbus-user-session-missing', title: 'D-Bus', score: 0.2 }]
          : [],
      describe: (text) =>
        text.includes('log out') ? [{ id: 'linger-disabled', title: 'Linger', score: 0.1 }] : [],
    },
    (event) => {
      state = applySessionEvent(state, event);
      if (event.type === 'found') pending.push(state.pending.at(-1)!);
      cards.splice(0, cards.length, ...state.cards);
    },
  );
  /** every finding that was pending at some point, in order, and those pending now */
  return { session, pending, cards, stillPending: () => state.pending };
}

describe('the TUI as a sink of the diagnosis session', () => {
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

  it('replaces a card in place when a version the log states later changes its verdict', async () => {
    const regression = makeEntry({
      id: 'widget-regression',
      signatures: [{ regex: 'widget broke', literal: 'widget broke' }],
      affects: { docker: '>=28.0.0 <28.0.2' },
      probes: [
        {
          id: 'affects-docker',
          kind: 'version',
          component: 'docker',
          confirms: { within: '>=28.0.0 <28.0.2' },
        },
      ],
    });
    const { session, cards } = createSession({ entries: [regression, ...SAMPLE_ENTRIES] });
    session.paste('widget broke\n');
    await session.settled();
    session.paste(`${SEED}\n`);
    session.paste(' Server Version: 28.0.1\n');
    await session.settled();
    expect(
      cards.map(
        (card) =>
          card.kind === 'diagnosis' && [card.key, card.diagnosis.id, card.diagnosis.verdict],
      ),
    ).toEqual([
      ['diagnosis-1', 'widget-regression', 'confirmed'],
      ['diagnosis-2', 'max-user-namespaces-too-low', 'unknown'],
    ]);
  });

  it('judges a weak line once, as pipe mode does: the same line pasted again adds no card', async () => {
    const weak = makeEntry({
      id: 'cgroup-controller-missing',
      signatures: [{ regex: 'cpu cfs quota', literal: 'cpu cfs quota', weak: true }],
    });
    const { session, cards } = createSession({ entries: [weak] });
    session.paste('Your kernel does not support cpu cfs quota\n');
    session.paste('Your kernel does not support cpu cfs quota\n');
    await session.settled();
    expect(cards).toEqual([
      {
        kind: 'suggestion',
        key: 'suggestion-1',
        suggestion: {
          line: 1,
          text: 'Your kernel does not support cpu cfs quota',
          candidates: [
            {
              id: 'cgroup-controller-missing',
              title: 'Title of cgroup-controller-missing',
              score: 0.1,
            },
          ],
        },
      },
    ]);
  });
});
