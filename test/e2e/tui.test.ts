// The interactive view driven in a real pseudo-terminal, as a user would: the built CLI in tmux at
// 80×24, errors pasted with bracketed paste and typed by hand, the cards read off the screen, the
// fix copied through OSC 52 into tmux's clipboard, and a clean exit. tmux runs on a private
// socket, so a user's own tmux server is never touched.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE, runCli } from '../helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PRIVILEGED_PORT_LOG = path.join(ROOT, 'test/fixtures/logs/privileged-port-docker-run.log');
const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `rootless-doctor-e2e-${process.pid}`;
/** a new session per test: killing the server in between races with starting the next one */
let session = '';
let sessions = 0;
const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
/** rows of the 80×24 screen: the header, 19 rows of cards, the typed line, status, keys */
const TYPED_ROW = 20;
const STATUS_ROW = 21;
/** typed by hand: a shortcut letter (q) inside the line is text */
const TYPED = 'Error: fork/exec /proc/self/exe: no space left on device (q)';
const FIX =
  "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system";

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', session);
}

/** The app reads keys once the terminal is in raw mode; Ink sets it just after the first frame. */
async function waitForRawMode(): Promise<void> {
  const tty = tmux('display-message', '-p', '-t', session, '#{pane_tty}').trim();
  const deadline = Date.now() + 5000;
  while (!execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }).includes('-icanon')) {
    if (Date.now() > deadline) throw new Error(`the terminal never went to raw mode:\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the CLI in a fresh 80×24 session; the shell records its exit status in STATUS_FILE. */
async function startTui(args: string): Promise<void> {
  session = `tui-${++sessions}`;
  rmSync(STATUS_FILE, { force: true });
  // no CI variable at all, as on a user's machine: Ink draws only the last frame when CI is set,
  // and chalk turns colours off when a CI variable exists, whatever its value
  const command = `cd ${JSON.stringify(ROOT)} && env -u CI NO_COLOR=1 ${JSON.stringify(NODE)} dist/cli.js ${args}; echo $? > ${JSON.stringify(STATUS_FILE)}; sleep 60`;
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
  tmux('set-option', '-s', 'set-clipboard', 'on');
  await waitForScreen((text) => text.includes('[Paste]'), 15_000);
  await waitForRawMode();
}

async function waitForExit(): Promise<string> {
  await waitForScreen(() => existsSync(STATUS_FILE) && readFileSync(STATUS_FILE, 'utf8') !== '');
  return readFileSync(STATUS_FILE, 'utf8');
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
      // without probes: this host's own sysctls must not decide what the card shows
      await startTui('--no-probe');

      tmux('set-buffer', '-b', 'seed', SEED);
      const pasted = Date.now();
      tmux('paste-buffer', '-p', '-b', 'seed', '-t', session);
      const card = await waitForScreen((text) => text.includes('1 diagnosis'));
      const elapsed = Date.now() - pasted;
      expect(card, card).toContain('┃ error  The user namespace limit is zero or too low');
      expect(card, card).toContain('┃ max-user-namespaces-too-low · line 1');
      expect(card, card).toContain("┃     $ echo 'user.max_user_namespaces=28633' | sudo tee");
      expect(elapsed, 'milliseconds from the paste to the card').toBeLessThan(2000);

      tmux('send-keys', '-t', session, 'c');
      await waitForScreen((text) => text.includes('Copied fix [1]'));
      expect(tmux('show-buffer'), screen()).toBe(FIX);

      tmux('send-keys', '-t', session, 'q');
      expect(await waitForExit(), screen()).toBe('0\n');
      const last = screen();
      expect(last).not.toContain('[Paste]');
      expect(last).not.toContain('c copy');
    });

    it('keeps the cards across Tab and back, copies a filled fix, diagnoses a typed line', async () => {
      await startTui('--no-probe');
      tmux('load-buffer', '-b', 'log', PRIVILEGED_PORT_LOG);
      tmux('paste-buffer', '-p', '-b', 'log', '-t', session);
      const pasted = await waitForScreen((text) => text.includes('12 lines read · 1 diagnosis'));
      expect(pasted).toMatchInlineSnapshot(`
        "rootless-doctor  [Paste]   Browse    card 1 of 1 · more ↓
        ┃ error  A published host port below 1024 is privileged for the rootless user
        ┃ privileged-port-not-allowed · line 11
        ┃ › driver failed programming external connectivity on endpoint focused_swanson
        ┃   (9e2e139a9d8fc92b37c36edfa6214a6e986fa2028c0cc359812f685173fa6df7): Error
        ┃   starting userland proxy: error while calling PortManager.AddPort(): cannot
        ┃   expose privileged port 80, you might need to add
        ┃   "net.ipv4.ip_unprivileged_port_start=0" (currently 1024) to
        ┃   /etc/sysctl.conf, or set CAP_NET_BIND_SERVICE on rootlesskit bina…
        ┃ docker run -p asked for a host port below net.ipv4.ip_unprivileged_port_start
        ┃ (1024 by default), which an unprivileged rootlesskit may not bind.
        ┃ • Publish on an unprivileged host port instead, e.g. 8080 instead of 80, and
        ┃   put a root-owned proxy or firewall redirect in front if the low port is
        ┃   needed.
        ┃▸[1] Let unprivileged processes bind ports from the requested one upwards, now
        ┃     and on every boot (this applies to every user on the host). (needs root)
        ┃     $ echo net.ipv4.ip_unprivileged_port_start='80' | sudo tee
        ┃       /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system
        ┃ [2] Or grant only rootlesskit the capability to bind privileged ports, then
        ┃     restart the daemon. (needs root)
        >   type a line and press Enter, or paste a log
        12 lines read · 1 diagnosis · 0 not recognised · fix [1] of 2 chosen
        ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit

        "
      `);

      // Browse, then back: the card is drawn again, not left in the scrollback
      tmux('send-keys', '-t', session, 'Tab');
      await waitForScreen((text) => text.includes('[Browse]'));
      tmux('send-keys', '-t', session, 'Tab');
      const back = await waitForScreen((text) => text.includes('[Paste]'));
      expect(back).toBe(pasted);

      // the chosen fix is on screen with the port from the log filled in and quoted
      tmux('send-keys', '-t', session, 'c');
      const copied = await waitForScreen((text) => text.includes('Copied fix [1]'));
      expect(copied.split('\n')[STATUS_ROW]).toBe(
        'Copied fix [1] to the clipboard (OSC 52): echo net.ipv4.ip_unprivileged_port_st…',
      );
      expect(tmux('show-buffer')).toBe(
        "echo net.ipv4.ip_unprivileged_port_start='80' | sudo tee /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system",
      );

      // a line typed by hand, q included, is echoed and then diagnosed on Enter
      tmux('send-keys', '-t', session, '-l', TYPED);
      const typing = await waitForScreen((text) => text.includes('enter diagnose the line'));
      expect(typing.split('\n').slice(TYPED_ROW, TYPED_ROW + 3)).toMatchInlineSnapshot(`
        [
          "> Error: fork/exec /proc/self/exe: no space left on device (q)",
          "12 lines read · 1 diagnosis · 0 not recognised · fix [1] of 2 chosen",
          "enter diagnose the line · esc clear it · tab browse · ctrl-c quit",
        ]
      `);
      tmux('send-keys', '-t', session, 'Enter');
      const typed = await waitForScreen((text) => text.includes('13 lines read · 2 diagnoses'));
      expect(typed).toMatchInlineSnapshot(`
        "rootless-doctor  [Paste]   Browse    card 2 of 2 · more ↑
        │     and on every boot (this applies to every user on the host). (needs root)
        │     $ echo net.ipv4.ip_unprivileged_port_start='80' | sudo tee
        │       /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system
        │ [2] Or grant only rootlesskit the capability to bind privileged ports, then
        │     restart the daemon. (needs root)
        │     $ sudo setcap cap_net_bind_service=ep "$(command -v rootlesskit)" &&
        │       systemctl --user restart docker
        │ https://docs.docker.com/engine/security/rootless/troubleshoot/

        ┃ error  The user namespace limit is zero or too low
        ┃ max-user-namespaces-too-low · line 13
        ┃ › Error: fork/exec /proc/self/exe: no space left on device (q)
        ┃ rootlesskit cannot create a user namespace because user.max_user_namespaces is
        ┃ 0 or exhausted; the "no space left on device" is about namespaces, not the
        ┃ disk.
        ┃▸[3] Raise the limit now and on every boot. (needs root)
        ┃     $ echo 'user.max_user_namespaces=28633' | sudo tee
        ┃       /etc/sysctl.d/51-rootless.conf && sudo sysctl --system
        ┃ https://docs.docker.com/engine/security/rootless/troubleshoot/
        >   type a line and press Enter, or paste a log
        13 lines read · 2 diagnoses · 0 not recognised · fix [3] of 3 chosen
        ↑↓ card · ←→ fix · c copy · enter open entry · tab browse · ? help · q quit

        "
      `);

      tmux('send-keys', '-t', session, 'q');
      expect(await waitForExit()).toBe('0\n');
      const last = screen();
      expect(last).not.toContain('[Paste]');
      expect(last).not.toContain('c copy');
      // the terminal keeps both cards, as it keeps pipe output
      expect(last).toContain('┃ max-user-namespaces-too-low · line 13');
      expect(last).toContain('┃ https://docs.docker.com/engine/security/rootless/troubleshoot/');
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
