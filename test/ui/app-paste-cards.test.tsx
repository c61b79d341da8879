// The paste view's cards as state, not scrollback: they are there again after a visit to Browse,
// the window follows the selection, and `c` copies only a fix that is on screen, complete, and
// safe for what the host saw. Exact frames and exact clipboard contents after each key.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Ink renders only the last frame when it thinks it runs in CI; set before ink is imported
  process.env.CI = 'false';
});

import { cleanup } from 'ink-testing-library';
import type { ProbeResult } from '../../src/probe/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { maxUserNamespaces, SAMPLE_ENTRIES, subuidRangeMissing } from '../search/sample-kb.js';
import { bracketedPaste, KEYS, renderTui } from './render-tui.js';

const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const SUBUID =
  '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("alice")';

afterEach(() => cleanup());

/** every probe of the entry answers `verdict` */
const probeAnswering =
  (verdict: ProbeResult['verdict']) =>
  async (entry: CompiledEntry): Promise<ProbeResult[]> =>
    entry.probes.map((probe) => ({ id: probe.id, verdict, evidence: `${probe.id} observed` }));

/** max-user-namespaces-too-low with a second fix that can lose data */
const withDestructiveFix: CompiledEntry = {
  ...maxUserNamespaces,
  fixes: [
    ...maxUserNamespaces.fixes,
    {
      text: 'Remove the rootless data directory and start again.',
      command: 'rm -rf ~/.local/share/docker',
      root: false,
      destructive: true,
    },
  ],
};

describe('paste view cards', () => {
  it('keeps the cards on screen after Tab to Browse and Tab back', async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(SEED));
    const before = await tui.waitForText('1 diagnosis');
    tui.write(KEYS.tab);
    await tui.waitForText('[Browse]');
    tui.write(KEYS.tab);
    expect(await tui.waitForText('[Paste]')).toBe(before);
    expect(before).toContain('┃ max-user-namespaces-too-low · line 1');
    tui.write('c');
    await tui.waitForText('Copied fix [1]');
    expect(tui.copied).toEqual([
      "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
    ]);
  });

  it('moves between cards with ↑ and ↓, scrolling the selected one into view', async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(`${SUBUID}\n${SEED}\n`));
    await tui.waitForText('card 2 of 2 · more ↑');
    tui.write(KEYS.up);
    expect(await tui.waitForText('card 1 of 2')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 1 of 2 · more ↓
      ┃ error  The user has no subordinate UID/GID range
      ┃ subuid-range-missing · line 1
      ┃ › [rootlesskit:parent] error: failed to setup UID/GID map: failed to compute
      ┃   uid/gid map: No subuid ranges found for user 1001 ("alice")
      ┃ /etc/subuid or /etc/subgid has no line for the current user, so rootlesskit
      ┃ cannot build the UID/GID map.
      ┃▸[1] Give the user 65,536 subordinate UIDs and GIDs. (needs root)
      ┃     $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535
      ┃       'alice'
      ┃ [2] Restart the rootless daemon so that rootlesskit reads the new ranges.
      ┃     $ systemctl --user restart docker
      ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/

      │ error  The user namespace limit is zero or too low
      │ max-user-namespaces-too-low · line 2
      │ › [rootlesskit:parent] error: failed to start the child: fork/exec
      │   /proc/self/exe: no space left on device
      │ rootlesskit cannot create a user namespace because user.max_user_namespaces is
      │ 0 or exhausted; the "no space left on device" is about namespaces, not the
      >   type a line and press Enter, or paste a log
      2 lines read · 2 diagnoses · 0 not recognised · fix [1] of 3 chosen
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
    tui.write(KEYS.down);
    await tui.waitForText('card 2 of 2 · more ↑');
    expect(tui.frame()).toContain('fix [3] of 3 chosen');
    expect(tui.frame()).toContain('┃▸[3] Raise the limit now and on every boot.');
  });

  it('copies nothing while the chosen fix is scrolled off screen; c shows it first', async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(`${SUBUID}\n${SEED}\n`));
    await tui.waitForText('fix [3] of 3 chosen');
    tui.write(KEYS.pageUp);
    await tui.waitForText('card 2 of 2 · more ↓');
    expect(tui.frame()).not.toContain('[3] Raise the limit');
    tui.write('c');
    await tui.waitForText('Fix [3] was off screen; it shows now, and c copies it.');
    expect(tui.frame()).toContain('┃▸[3] Raise the limit');
    expect(tui.copied).toEqual([]);
    tui.write('c');
    await tui.waitForText('Copied fix [3]');
    expect(tui.copied).toEqual([
      "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
    ]);
  });

  it('does not copy a command with a placeholder the log did not fill', async () => {
    // a user name the capture pattern refuses stays `{{user}}` in the command
    const strict = { ...subuidRangeMissing, captures: { uid: '\\d{1,10}', user: '[0-9]+' } };
    const tui = await renderTui({ entries: [strict] });
    tui.write(...bracketedPaste(SUBUID));
    await tui.waitForText('fix [1] of 2 chosen');
    expect(tui.frame()).toContain(
      '$ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
    );
    tui.write('c');
    await tui.waitForText(
      'Not copied: fix [1] still has {{user}} to fill in; type it with your value.',
    );
    tui.write(KEYS.right, 'c');
    await tui.waitForText('Copied fix [2]');
    expect(tui.copied).toEqual(['systemctl --user restart docker']);
  });

  it('offers no fix on a card the host ruled out', async () => {
    const tui = await renderTui({ probing: { probe: probeAnswering('ruled-out') } });
    tui.write(...bracketedPaste(SEED));
    expect(await tui.waitForText('1 diagnosis')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 1 of 1
      ┃ error  The user namespace limit is zero or too low
      ┃ max-user-namespaces-too-low · line 1 · – ruled out on this host
      ┃ › [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left
      ┃   on device
      ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      ┃ "no space left on device" is about namespaces, not the disk.
      ┃ – max-user-namespaces-value: max-user-namespaces-value observed
      ┃ Ruled out on this host, so no fix is offered. Enter opens the entry.











      >   type a line and press Enter, or paste a log
      1 line read · 1 diagnosis · 0 not recognised
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
    tui.write(KEYS.right, 'c');
    await tui.waitForText('Ruled out on this host, so no fix is offered; Enter opens the entry.');
    expect(tui.copied).toEqual([]);
  });

  it('counts the findings still being checked in the header, their rows after the cards', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const probe = async (entry: CompiledEntry): Promise<ProbeResult[]> => {
      if (entry.id === maxUserNamespaces.id) await held;
      return [];
    };
    const tui = await renderTui({ probing: { probe } }, 80);
    tui.write(...bracketedPaste(`${SUBUID}\n${SEED}\n`));
    const frame = await tui.waitForText('card 1 of 1 · 1 checking');
    expect(frame.split('\n').slice(12, 15)).toEqual([
      '┃ https://docs.docker.com/engine/security/rootless/troubleshoot/',
      '',
      '… checking max-user-namespaces-too-low (line 2) on this host',
    ]);
    release();
    await tui.waitForText('card 2 of 2 · more ↑');
    expect(tui.frame()).not.toContain('checking');
  });

  it('says a guess offers no fix, and opens its nearest entry on Enter', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste('Error: failed to talk to dbus\n'));
    await tui.waitForText('1 not recognised');
    tui.write('c');
    await tui.waitForText('A guess offers no fix to copy; Enter opens its nearest entry.');
    tui.write(KEYS.enter);
    await tui.waitForText('[dbus-user-session-missing]');
  });
});

describe('the entry view opened from a card', () => {
  it("fills the commands with the card's values, shows them and copies them filled", async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(SUBUID));
    await tui.waitForText('1 diagnosis');
    tui.write(KEYS.enter);
    expect(await tui.waitForText('[subuid-range-missing]')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste    Browse   [subuid-range-missing]
      The user has no subordinate UID/GID range
      subuid-range-missing · error · userns, subuid, daemon-start

      /etc/subuid or /etc/subgid has no line for the current user, so rootlesskit
      cannot build the UID/GID map.

      Fixes
      ▸ [1] Give the user 65,536 subordinate UIDs and GIDs. (needs root)
            $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535
              'alice'
        [2] Restart the rootless daemon so that rootlesskit reads the new ranges.
            $ systemctl --user restart docker

      Cause
        rootlesskit maps the user namespace onto the range in \`/etc/subuid\`.

      Fix
        Add a range of 65,536 ids for the user.

      Signatures
      lines 1–20 of 28 · fix [1] of 2 chosen
      ↑↓ scroll · space page · c copy fix · ←→ choose fix · esc back · ? help · q quit"
    `);
    tui.write('c');
    await tui.waitForText('Copied fix [1]');
    expect(tui.copied).toEqual([
      "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'",
    ]);
  });

  it('opened from Browse, refuses a command with a placeholder', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write('subuid', KEYS.enter);
    await tui.waitForText('fix [1] of 2 chosen');
    tui.write('c');
    await tui.waitForText(
      'Not copied: fix [1] still has {{user}} to fill in; type it with your value.',
    );
    expect(tui.copied).toEqual([]);
  });

  it('copies a fix that can lose data only when the host confirmed the cause', async () => {
    const entries = SAMPLE_ENTRIES.map((entry) =>
      entry.id === withDestructiveFix.id ? withDestructiveFix : entry,
    );
    const unknown = await renderTui({ entries, probing: { probe: probeAnswering('unknown') } });
    unknown.write(...bracketedPaste(SEED));
    await unknown.waitForText('1 diagnosis');
    // the card leaves the destructive fix out; its entry shows it, and will not copy it
    expect(unknown.frame()).not.toContain('rm -rf');
    unknown.write(KEYS.enter);
    await unknown.waitForText('lines 1–20');
    unknown.write(KEYS.right, 'c');
    await unknown.waitForText(
      'Not copied: fix [2] can lose data and this host has not confirmed the cause.',
    );
    expect(unknown.copied).toEqual([]);
    cleanup();

    const confirmed = await renderTui({ entries, probing: { probe: probeAnswering('confirmed') } });
    confirmed.write(...bracketedPaste(SEED));
    await confirmed.waitForText('1 diagnosis');
    confirmed.write(KEYS.enter);
    await confirmed.waitForText('lines 1–20');
    confirmed.write(KEYS.right, 'c');
    await confirmed.waitForText('Copied fix [2]');
    expect(confirmed.copied).toEqual(['rm -rf ~/.local/share/docker']);
  });

  it('ignores c read together with the key that opened another entry, until it is drawn', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(KEYS.down, KEYS.down);
    await tui.waitForText('› max-user-namespaces-too-low');
    tui.write(KEYS.enter);
    await tui.waitForText('[max-user-namespaces-too-low]');
    // back, next entry, open it and copy, all before a frame is drawn: the view still holds the
    // previous entry's fixes, which must not be copied
    tui.write(KEYS.backspace, KEYS.down, KEYS.enter, 'c');
    await tui.waitForText('[subuid-range-missing]');
    expect(tui.copied).toEqual([]);
    expect(tui.frame()).toContain('lines 1–20 of 27 · fix [1] of 2 chosen');
  });

  it('scrolls a chosen fix into view, and copies nothing while it is off screen', async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(SUBUID));
    await tui.waitForText('1 diagnosis');
    tui.write(KEYS.enter);
    await tui.waitForText('lines 1–20 of 28');
    tui.write(KEYS.pageDown);
    await tui.waitForText('lines 9–28 of 28');
    tui.write('c');
    await tui.waitForText('Fix [1] was off screen; it shows now, and c copies it.');
    expect(tui.copied).toEqual([]);
    expect(tui.frame()).toContain('▸ [1] Give the user');
    tui.write('c');
    await tui.waitForText('Copied fix [1]');
    expect(tui.copied).toHaveLength(1);
  });
});
