// The interactive view driven in a real pseudo-terminal, as a user would: the built CLI in tmux at
// 80×24, the seed error pasted with bracketed paste, the card read off the screen, the fix copied
// through OSC 52 into tmux's clipboard, and a clean exit. tmux runs on a private socket, so a
// user's own tmux server is never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, runCli } from '../helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `rootless-doctor-e2e-${process.pid}`;
const SESSION = 'tui';
const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const FIX =
  "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system";

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', SESSION);
}

/** The app reads keys once the terminal is in raw mode; Ink sets it just after the first frame. */
async function waitForRawMode(): Promise<void> {
  const tty = tmux('display-message', '-p', '-t', SESSION, '#{pane_tty}').trim();
  const deadline = Date.now() + 5000;
  while (!execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }).includes('-icanon')) {
    if (Date.now() > deadline) throw new Error(`the terminal never went to raw mode:\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitForScreen(check: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen();
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out; the screen was:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The shell in the pane writes the CLI's exit status here (tmux may not reap it in time). */
const STATUS_DIR = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-tui-'));
const STATUS_FILE = path.join(STATUS_DIR, 'status');

afterAll(() => {
  if (HAS_TMUX) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(STATUS_DIR, { recursive: true, force: true });
});

describe.skipIf(!HAS_TMUX)(
  'the TUI in a real terminal (tmux; skipped when tmux is not installed)',
  () => {
    it('shows the card for a pasted error, copies its fix and exits cleanly', async () => {
      // no CI variable at all, as on a user's machine: Ink draws only the last frame when CI is set,
      // and chalk turns colours off when a CI variable exists, whatever its value
      const command = `cd ${JSON.stringify(ROOT)} && env -u CI NO_COLOR=1 ${JSON.stringify(NODE)} dist/cli.js; echo $? > ${JSON.stringify(STATUS_FILE)}; sleep 60`;
      tmux('-f', '/dev/null', 'new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', command);
      tmux('set-option', '-s', 'set-clipboard', 'on');
      await waitForScreen((text) => text.includes('[Paste]'), 15_000);
      await waitForRawMode();

      tmux('set-buffer', '-b', 'seed', SEED);
      const pasted = Date.now();
      tmux('paste-buffer', '-p', '-b', 'seed', '-t', SESSION);
      const card = await waitForScreen((text) => text.includes('1 diagnosis'));
      const elapsed = Date.now() - pasted;
      expect(card, card).toContain('┃ error  The user namespace limit is zero or too low');
      expect(card, card).toContain('┃ max-user-namespaces-too-low · line 1');
      expect(card, card).toContain("┃     $ echo 'user.max_user_namespaces=28633' | sudo tee");
      expect(elapsed, 'milliseconds from the paste to the card').toBeLessThan(2000);

      tmux('send-keys', '-t', SESSION, 'c');
      await waitForScreen((text) => text.includes('Copied fix [1]'));
      expect(tmux('show-buffer'), screen()).toBe(FIX);

      tmux('send-keys', '-t', SESSION, 'q');
      await waitForScreen(
        () => existsSync(STATUS_FILE) && readFileSync(STATUS_FILE, 'utf8') !== '',
      );
      const last = screen();
      expect(readFileSync(STATUS_FILE, 'utf8'), last).toBe('0\n');
      expect(last).not.toContain('[Paste]');
      expect(last).not.toContain('c copy fix');
    });
  },
);

describe('the TUI without a terminal', () => {
  it('refuses `tui` when stdin is not a terminal, and says how to pipe a log instead', async () => {
    expect(await runCli(['tui'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "rootless-doctor: the interactive view needs a terminal on stdin and stdout; to diagnose a log, pipe it in: 'dockerd-rootless.sh 2>&1 | rootless-doctor'\n",
    });
  });
});
