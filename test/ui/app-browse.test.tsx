// The browse view, the entry view and the help overlay, driven through the keyboard: exact frames
// after each named key.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Ink renders only the last frame when it thinks it runs in CI; set before ink is imported
  process.env.CI = 'false';
});

import { cleanup } from 'ink-testing-library';
import { bracketedPaste, KEYS, renderTui } from './render-tui.js';

afterEach(() => cleanup());

describe('browse view', () => {
  it('lists every entry on Tab, the first one selected with its summary below', async () => {
    const tui = await renderTui();
    tui.write(KEYS.tab);
    expect(await tui.waitForText('5 of 5 entries')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste   [Browse]
      Filter:   type an error, a sysctl, a word
      › cgroup-controller-not-delegated  systemd does not delegate the cpu, cpuset or io controller to th…
        dbus-user-session-missing  No D-Bus user session for the rootless daemon's cgroup manager
        max-user-namespaces-too-low  The user namespace limit is zero or too low
        subuid-range-missing  The user has no subordinate UID/GID range
        userns-clone-disabled  Unprivileged user namespaces are switched off by kernel.unprivileged_usern…











      The user's systemd manager received only some cgroup controllers, so CPU and I/O limits are refused.


      5 of 5 entries
      type filter · ↑↓ move · enter open · esc list keys · tab paste · ctrl-c quit"
    `);
  });

  it('filters as the user types, and Backspace widens it again', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write('n', 'a', 'm');
    expect(await tui.waitForText('Filter: nam')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste   [Browse]
      Filter: nam
      › max-user-namespaces-too-low  The user namespace limit is zero or too low
        userns-clone-disabled  Unprivileged user namespaces are switched off by kernel.unprivileged_usern…














      rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      "no space left on device" is about namespaces, not the disk.

      2 of 5 entries
      type filter · ↑↓ move · enter open · esc list keys · tab paste · ctrl-c quit"
    `);
    tui.write(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await tui.waitForText('5 of 5 entries');
  });

  it('types q, ? and j into the filter instead of acting on them', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write('q', '?', 'j');
    expect(await tui.waitForText('Filter: q?j')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste   [Browse]
      Filter: q?j
      No entry matches. Try fewer words, another word, or part of the error.


















      0 of 5 entries
      type filter · ↑↓ move · enter open · esc list keys · tab paste · ctrl-c quit"
    `);
  });

  it('puts a pasted line into the filter', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(...bracketedPaste('fork/exec /proc/self/exe: no space left on device\nsecond line'));
    await tui.waitForText('Filter: fork/exec /proc/self/exe: no space left on device');
    await tui.waitForText('› max-user-namespaces-too-low');
  });

  it('moves with the arrows, opens with Enter and comes back with Esc', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(KEYS.down, KEYS.down);
    await tui.waitForText('› max-user-namespaces-too-low');
    tui.write(KEYS.enter);
    expect(await tui.waitForText('[max-user-namespaces-too-low]')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste    Browse   [max-user-namespaces-too-low]
      The user namespace limit is zero or too low
      max-user-namespaces-too-low · error · userns, sysctl, daemon-start

      rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      "no space left on device" is about namespaces, not the disk.

      Fixes
      ▸ [1] Raise the limit now and on every boot. (needs root)
            $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo
              sysctl --system

      Cause
        The kernel caps how many user namespaces each user may hold with the sysctl
        \`user.max_user_namespaces\`. When the cap is 0, \`clone()\` fails with \`ENOSPC\`, which Go reports as
        "no space left on device". The disk is fine.

      Fix
        Set the limit in a file under \`/etc/sysctl.d/\` so it survives reboots:

        - load it with \`sudo sysctl --system\`;
      lines 1–20 of 32 · fix [1] of 1 chosen
      ↑↓ scroll · space page · c copy fix · ←→ choose fix · esc back · ? help · q quit"
    `);
    tui.write(KEYS.escape);
    await tui.waitForText('› max-user-namespaces-too-low');
  });

  it('gives the keys to the list on Esc: j k move, / filters again, q quits', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(KEYS.escape);
    await tui.waitForText('keys go to the list');
    tui.write('j', 'j', 'j', 'k');
    expect(await tui.waitForText('› max-user-namespaces-too-low')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste   [Browse]
      Filter:
        cgroup-controller-not-delegated  systemd does not delegate the cpu, cpuset or io controller to th…
        dbus-user-session-missing  No D-Bus user session for the rootless daemon's cgroup manager
      › max-user-namespaces-too-low  The user namespace limit is zero or too low
        subuid-range-missing  The user has no subordinate UID/GID range
        userns-clone-disabled  Unprivileged user namespaces are switched off by kernel.unprivileged_usern…











      rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      "no space left on device" is about namespaces, not the disk.

      5 of 5 entries · keys go to the list
      j/k move · enter open · / filter · esc paste · ? help · q quit"
    `);
    tui.write('/', 's');
    await tui.waitForText('Filter: s');
    tui.write(KEYS.escape, 'q');
    await tui.waitFor(() => !tui.frame().includes('Filter'));
  });

  it('says when nothing matches', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write('xyzzy');
    expect(await tui.waitForText('0 of 5 entries')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste   [Browse]
      Filter: xyzzy
      No entry matches. Try fewer words, another word, or part of the error.


















      0 of 5 entries
      type filter · ↑↓ move · enter open · esc list keys · tab paste · ctrl-c quit"
    `);
  });

  it('quits from the filter with Ctrl-C', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(KEYS.ctrlC);
    await tui.waitFor(() => !tui.frame().includes('Filter'));
  });
});

describe('entry view', () => {
  it('scrolls by line and by page, and copies a chosen fix that needs no value filled in', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write('subuid', KEYS.enter);
    await tui.waitForText('lines 1–20 of 27 · fix [1] of 2 chosen');
    tui.write('j', 'j');
    await tui.waitForText('lines 3–22 of 27');
    tui.write(' ');
    expect(await tui.waitForText('lines 8–27 of 27')).toMatchInlineSnapshot(`
      "rootless-doctor   Paste    Browse   [subuid-range-missing]
      ▸ [1] Give the user 65,536 subordinate UIDs and GIDs. (needs root)
            $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}
        [2] Restart the rootless daemon so that rootlesskit reads the new ranges.
            $ systemctl --user restart docker

      Cause
        rootlesskit maps the user namespace onto the range in \`/etc/subuid\`.

      Fix
        Add a range of 65,536 ids for the user.

      Signatures
        No sub[ug]id ranges found for user (?<uid>\\d+) \\("(?<user>[^"\\s]+)"\\)

      Probes
        subuid-range
          range in /etc/subuid: confirmed when missing, unknown otherwise

      Links
        https://docs.docker.com/engine/security/rootless/troubleshoot/
      lines 8–27 of 27 · fix [1] of 2 chosen
      ↑↓ scroll · space page · c copy fix · ←→ choose fix · esc back · ? help · q quit"
    `);
    tui.write('g');
    await tui.waitForText('lines 1–20 of 27');
    tui.write('c');
    // opened from Browse, no card filled {{user}}: the command is shown but not copied
    await tui.waitForText('Not copied: fix [1] still has {{user}} to fill in');
    tui.write(KEYS.right);
    await tui.waitForText('fix [2] of 2 chosen');
    tui.write('c');
    await tui.waitForText('Copied fix [2]');
    expect(tui.copied).toEqual(['systemctl --user restart docker']);
  });

  it('goes to the paste view on Tab when opened from browse', async () => {
    const tui = await renderTui({ initialView: 'browse' });
    tui.write(KEYS.enter);
    await tui.waitForText('lines 1–');
    tui.write(KEYS.tab);
    await tui.waitForText('[Paste]');
  });
});

describe('help', () => {
  it('opens on ? and closes on any key', async () => {
    const tui = await renderTui();
    tui.write('?');
    expect(await tui.waitForText('any key close help')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse
      Keys
      Everywhere  tab  shift-tab  switch between Paste and Browse
                  ?               this help
                  q  ctrl-c       quit (while typing, only ctrl-c)
      Paste       paste           diagnose the pasted lines; nothing is run
                  type  enter     diagnose a typed line; esc clears it
                  ↑ ↓  pgup pgdn  choose a card; scroll
                  ← →             choose a fix
                  c               copy the chosen fix (OSC 52 clipboard)
                  enter           open the card's entry
                  /               search the entries (the Browse filter)
                  c q ? /         keys only on an empty line; a space first types them
      Browse      type            filter by id, title, keyword, error text
                  ↑ ↓  pgup pgdn  move
                  enter           open the selected entry
                  esc             give the keys to the list: j k g G move, / filters
      Entry       ↑ ↓  j k        scroll
                  space  b        page down, page up
                  ← →  h l        choose a fix; c copies it
                  esc             back
      0 lines read · 0 diagnoses · 0 not recognised
      any key close help"
    `);
    tui.write('x');
    await tui.waitForText('Paste rootless Docker error output here');
  });
});
