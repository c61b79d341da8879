// The paste view, driven through the keyboard like a user: exact frames after each step.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Ink renders only the last frame when it thinks it runs in CI; set before ink is imported
  process.env.CI = 'false';
});

import { cleanup } from 'ink-testing-library';
import type { ProbeResult } from '../../src/probe/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { bracketedPaste, KEYS, renderTui } from './render-tui.js';

const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const SUBUID =
  '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1001 ("alice")';

afterEach(() => cleanup());

describe('paste view', () => {
  it('says what to do before anything is pasted', async () => {
    const tui = await renderTui();
    expect(await tui.waitForText('0 lines read')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse
      Paste rootless Docker error output here, or type a line and press Enter.
      Each error it recognises becomes a card. Nothing you paste is run.

















      >   type a line and press Enter, or paste a log
      0 lines read · 0 diagnoses · 0 not recognised
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
  });

  it('shows a card for a pasted error and a guess for an unrecognised line', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste(`${SEED}\nError: failed to talk to dbus\n`));
    expect(await tui.waitForText('1 not recognised')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 1 of 2
      ┃ error  The user namespace limit is zero or too low
      ┃ max-user-namespaces-too-low · line 1
      ┃ › [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left
      ┃   on device
      ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      ┃ "no space left on device" is about namespaces, not the disk.
      ┃▸[1] Raise the limit now and on every boot. (needs root)
      ┃     $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo
      ┃       sysctl --system
      ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/

      │ not recognised · line 2
      │ › Error: failed to talk to dbus
      │ Guesses, not matches: the nearest entries are
      │   dbus-user-session-missing  No D-Bus user session for the rootless daemon's cgroup manager




      >   type a line and press Enter, or paste a log
      2 lines read · 1 diagnosis · 1 not recognised · fix [1] of 1 chosen
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
  });

  it('shows probe verdicts, and the finding as pending while the probes run', async () => {
    let release: () => void = () => {};
    const probing = new Promise<void>((resolve) => (release = resolve));
    const probe = async (entry: CompiledEntry): Promise<ProbeResult[]> => {
      await probing;
      return [
        {
          id: entry.probes[0]!.id,
          verdict: 'confirmed',
          evidence: '/proc/sys/user/max_user_namespaces = 0',
        },
      ];
    };
    const tui = await renderTui({ probing: { probe } });
    tui.write(...bracketedPaste(SEED));
    expect(await tui.waitForText('checking')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse
      … checking max-user-namespaces-too-low (line 1) on this host


















      >   type a line and press Enter, or paste a log
      1 line read · 0 diagnoses · 0 not recognised
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
    release();
    expect(await tui.waitForText('1 diagnosis')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 1 of 1
      ┃ error  The user namespace limit is zero or too low
      ┃ max-user-namespaces-too-low · line 1 · ✗ confirmed on this host
      ┃ › [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left
      ┃   on device
      ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      ┃ "no space left on device" is about namespaces, not the disk.
      ┃ ✗ max-user-namespaces-value: /proc/sys/user/max_user_namespaces = 0
      ┃▸[1] Raise the limit now and on every boot. (needs root)
      ┃     $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo
      ┃       sysctl --system
      ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/








      >   type a line and press Enter, or paste a log
      1 line read · 1 diagnosis · 0 not recognised · fix [1] of 1 chosen
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
  });

  it('never treats pasted text as keys: a pasted q does not quit', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste('q\n?\n'));
    expect(await tui.waitForText('2 lines read')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse
      Paste rootless Docker error output here, or type a line and press Enter.
      Each error it recognises becomes a card. Nothing you paste is run.

















      >   type a line and press Enter, or paste a log
      2 lines read · 0 diagnoses · 0 not recognised
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
  });

  it('takes a multi-line burst as a paste when the terminal has no bracketed paste', async () => {
    const tui = await renderTui();
    tui.write(`${SEED}\r`);
    await tui.waitForText('1 diagnosis');
  });

  it('strips escape sequences from pasted text before showing it', async () => {
    const tui = await renderTui();
    tui.write(
      ...bracketedPaste('Error: \x1b]52;c;ZXZpbA==\x07failed \x1b[2Jto start\x1b[31m thing\n'),
    );
    const frame = await tui.waitForText('1 not recognised');
    expect(frame).toContain('› Error: failed to start thing');
    expect(frame).not.toContain('\x1b');
  });

  it('copies the chosen fix, moves between fixes and selects the newest card', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste(SUBUID));
    await tui.waitForText('fix [1] of 2 chosen');
    tui.write(...bracketedPaste(SEED));
    await tui.waitForText('fix [3] of 3 chosen');
    tui.write('c');
    expect(await tui.waitForText('Copied')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 2 of 2 · more ↑
      │   subuid ranges found for user 1001 ("alice")
      │ /etc/subuid or /etc/subgid has no line for the current user, so rootlesskit cannot build the
      │ UID/GID map.
      │ [1] Give the user 65,536 subordinate UIDs and GIDs. (needs root)
      │     $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'
      │ [2] Restart the rootless daemon so that rootlesskit reads the new ranges.
      │     $ systemctl --user restart docker
      │ https://docs.docker.com/engine/security/rootless/troubleshoot/

      ┃ error  The user namespace limit is zero or too low
      ┃ max-user-namespaces-too-low · line 2
      ┃ › [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left
      ┃   on device
      ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is 0 or exhausted; the
      ┃ "no space left on device" is about namespaces, not the disk.
      ┃▸[3] Raise the limit now and on every boot. (needs root)
      ┃     $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo
      ┃       sysctl --system
      ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/
      >   type a line and press Enter, or paste a log
      Copied fix [3] to the clipboard (OSC 52): echo 'user.max_user_namespaces=28633' | sudo tee /etc/sys…
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
    expect(tui.copied).toEqual([
      "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
    ]);
    tui.write(KEYS.right);
    await tui.waitForText('fix [1] of 3 chosen');
    tui.write(KEYS.left, KEYS.left);
    await tui.waitForText('fix [2] of 3 chosen');
    tui.write('c');
    await tui.waitForText('Copied fix [2]');
    expect(tui.copied.at(-1)).toBe('systemctl --user restart docker');
  });

  it('says so when there is no fix to copy', async () => {
    const tui = await renderTui();
    tui.write('c');
    await tui.waitForText('No fix to copy here.');
  });

  it("opens the selected card's entry with Enter and goes back with Esc", async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste(SUBUID));
    await tui.waitForText('1 diagnosis');
    tui.write(KEYS.enter);
    await tui.waitForText('[subuid-range-missing]');
    tui.write(KEYS.escape);
    await tui.waitForText('[Paste]');
  });

  it('fits 80 columns: long lines wrap inside the card', async () => {
    const tui = await renderTui({}, 80);
    tui.write(...bracketedPaste(SEED));
    expect(await tui.waitForText('1 diagnosis')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse    card 1 of 1
      ┃ error  The user namespace limit is zero or too low
      ┃ max-user-namespaces-too-low · line 1
      ┃ › [rootlesskit:parent] error: failed to start the child: fork/exec
      ┃   /proc/self/exe: no space left on device
      ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is
      ┃ 0 or exhausted; the "no space left on device" is about namespaces, not the
      ┃ disk.
      ┃▸[1] Raise the limit now and on every boot. (needs root)
      ┃     $ echo 'user.max_user_namespaces=28633' | sudo tee
      ┃       /etc/sysctl.d/51-rootless.conf && sudo sysctl --system
      ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/








      >   type a line and press Enter, or paste a log
      1 line read · 1 diagnosis · 0 not recognised · fix [1] of 1 chosen
      ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit"
    `);
  });

  it('quits on q, clearing the live area and keeping the cards', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste(SEED));
    await tui.waitForText('1 diagnosis');
    tui.write('q');
    await tui.waitFor(() => !tui.frame().includes('[Paste]'));
    expect(tui.frame()).toContain('The user namespace limit is zero or too low');
  });

  it('quits on Ctrl-C', async () => {
    const tui = await renderTui();
    tui.write(KEYS.ctrlC);
    await tui.waitFor(() => !tui.frame().includes('[Paste]'));
  });
});
