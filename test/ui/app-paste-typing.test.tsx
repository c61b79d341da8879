// A line typed by hand in the paste view: echoed as typed (escape sequences and other controls
// left out), diagnosed on Enter like a one-line paste. Letter keys are shortcuts only while the
// line is empty; Esc and Ctrl-C always act.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  // Ink renders only the last frame when it thinks it runs in CI; set before ink is imported
  process.env.CI = 'false';
});

import { cleanup } from 'ink-testing-library';
import { bracketedPaste, KEYS, renderTui } from './render-tui.js';

const SEED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';

afterEach(() => cleanup());

/** the typed line as the frame shows it: the prompt, the text, and the cursor (a space) */
const typedLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('> '));

describe('typing a line in the paste view', () => {
  it('echoes the typed line and diagnoses it on Enter, as a paste would', async () => {
    const tui = await renderTui({}, 80);
    // one key per read, as a person types; a q or ? inside the line is text
    for (const key of 'Error: fork/exec /proc/self/exe: no space left on device q?') tui.write(key);
    expect(await tui.waitForText('device q?')).toMatchInlineSnapshot(`
      "rootless-doctor  [Paste]   Browse
      Paste rootless Docker error output here, or type a line and press Enter.
      Each error it recognises becomes a card. Nothing you paste is run.

















      > Error: fork/exec /proc/self/exe: no space left on device q?
      0 lines read · 0 diagnoses · 0 not recognised
      enter diagnose the line · esc clear it · tab browse · ctrl-c quit"
    `);
    tui.write(KEYS.enter);
    const frame = await tui.waitForText('1 diagnosis');
    expect(frame).toContain('┃ max-user-namespaces-too-low · line 1');
    expect(frame).toContain('┃ › Error: fork/exec /proc/self/exe: no space left on device q?');
    expect(typedLine(frame)).toBe('>   type a line and press Enter, or paste a log');
    expect(frame).toContain('1 line read · 1 diagnosis · 0 not recognised · fix [1] of 1 chosen');
  });

  it('numbers a typed line after the lines pasted before it', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste('first line\nsecond line\n'));
    await tui.waitForText('2 lines read');
    tui.write('Error: failed to talk to dbus', KEYS.enter);
    const frame = await tui.waitForText('1 not recognised');
    expect(frame).toContain('┃ not recognised · line 3');
  });

  it('takes letters as shortcuts only while the line is empty', async () => {
    const tui = await renderTui();
    tui.write(...bracketedPaste(SEED));
    await tui.waitForText('1 diagnosis');
    tui.write('x', 'c');
    expect(typedLine(await tui.waitForText('> xc'))).toBe('> xc');
    expect(tui.copied).toEqual([]);
    tui.write(KEYS.backspace, KEYS.backspace);
    await tui.waitForText('>   type a line');
    tui.write('c');
    await tui.waitForText('Copied fix [1]');
    expect(tui.copied).toHaveLength(1);
    // a leading space types a line that starts with a shortcut letter
    tui.write(' ', 'q');
    expect(typedLine(await tui.waitForText('>  q'))).toBe('>  q');
  });

  it('takes several characters at once as typing, even when they start with a shortcut', async () => {
    const tui = await renderTui();
    tui.write('cannot start');
    expect(typedLine(await tui.waitForText('> cannot start'))).toBe('> cannot start');
    expect(tui.copied).toEqual([]);
  });

  it('clears the line on Esc, and quits on Ctrl-C even with a line typed', async () => {
    const tui = await renderTui();
    tui.write('abc');
    await tui.waitForText('> abc');
    tui.write(KEYS.escape);
    await tui.waitForText('>   type a line');
    tui.write('abc');
    await tui.waitForText('> abc');
    tui.write('q');
    await tui.waitForText('> abcq');
    tui.write(KEYS.ctrlC);
    await tui.waitFor(() => !tui.frame().includes('[Paste]'));
  });

  it('keeps the typed line across a visit to Browse', async () => {
    const tui = await renderTui();
    tui.write('abc');
    await tui.waitForText('> abc');
    tui.write(KEYS.tab);
    await tui.waitForText('[Browse]');
    tui.write(KEYS.tab);
    expect(typedLine(await tui.waitForText('[Paste]'))).toBe('> abc');
  });

  it('shows no escape sequence or control character it was sent', async () => {
    const tui = await renderTui();
    // a colour code and a cursor move are dropped by the decoder; C1 and bidi controls here
    tui.write('a', '\x1b[31m', 'b', '\x1b[2J', 'c\u009b\u202ed', '\x1b]52;c;ZXZpbA==\x07', 'e');
    const line = typedLine(await tui.waitForText('> abcd'));
    expect(line).toBe('> abcde');
    expect(tui.frame()).not.toContain('\x1b]52');
  });

  it('shows the end of a line wider than the screen', async () => {
    const tui = await renderTui({}, 40);
    tui.write(`${'a'.repeat(50)}XYZ`);
    const line = typedLine(await tui.waitForText('XYZ'));
    expect(line).toBe(`> …${'a'.repeat(33)}XYZ`);
  });

  it('opens the Browse filter on / with nothing typed', async () => {
    const tui = await renderTui();
    tui.write('/');
    await tui.waitForText('[Browse]');
    tui.write('subuid');
    await tui.waitForText('Filter: subuid');
  });
});
