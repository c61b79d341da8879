// Hostile input against the built CLI, as a user's shell runs it. Every case ends in seconds with
// exit 0, 1 or 3, or 2 with one clear line; stderr carries only the tool's own one-line messages,
// never a stack trace; with NO_COLOR, stdout carries no control byte but newline and tab.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { builtRuleSet, kbExamples } from './built-kb.js';
import { intendedArgv, withoutAuthorExpansions } from './intended-argv.js';
import { parseShellWords, splitCommandLine } from './shell-words.js';
import {
  controlBytesIn,
  expectOwnMessagesOnly,
  feedUntilClosed,
  hasOpen,
  startCli,
  waitUntil,
  type LiveCli,
} from './spawn-cli.js';
import { HOST_VALUE_PATTERNS } from '../../src/kb/host-values.js';

const NOSPACE =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const NOSPACE_ID = 'max-user-namespaces-too-low';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

/** Deterministic bytes (xorshift32), so a failure reproduces. */
function randomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function jsonLines(stdout: string): { type: string; [key: string]: unknown }[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

async function settle(cli: LiveCli) {
  const exit = await cli.exited;
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe('hostile input files', () => {
  it('5 MB of random bytes: every line read, nothing found, exit 0', async () => {
    const bytes = randomBytes(5 * 1024 * 1024, 0x2026_1123);
    const lines = bytes.filter((byte) => byte === 0x0a).length + 1; // no newline at the very end
    expect(bytes.at(-1)).not.toBe(0x0a);
    const input = file('random.bin', bytes);

    const text = await settle(startCli([input]));
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout.toString()).toBe(`${lines} lines read: no known problem found.\n`);
    expect(text.ms).toBeLessThan(15_000);

    const json = await settle(startCli(['--json', input]));
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(jsonLines(json.stdout.toString())).toEqual([
      { type: 'summary', lines, diagnoses: [], suggestions: 0 },
    ]);
  });

  it('invalid UTF-8 around a real error: still diagnosed, the bad bytes shown as U+FFFD', async () => {
    const input = file(
      'bad-utf8.log',
      Buffer.concat([
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x20]),
        Buffer.from(NOSPACE),
        Buffer.from([0x20, 0x80, 0xbf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x0a]),
        Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0x0a]),
        Buffer.from(NOSPACE.replace('fork/exec', 'fork/\xe9xec'), 'latin1'),
      ]),
    );
    const json = await settle(startCli(['--json', '--no-probe', input]));
    expect(json).toMatchObject({ code: 1, stderr: '' });
    const records = jsonLines(json.stdout.toString());
    // line 3 has a bad byte inside the signature's own text: no match, only a suggestion
    expect(records.map((r) => [r.type, r.id, r.line])).toEqual([
      ['diagnosis', NOSPACE_ID, 1],
      ['suggestion', undefined, 3],
      ['summary', undefined, undefined],
    ]);
    expect(records[0]!.text).toBe(
      `\ufffd\ufffd\ufffd( ${NOSPACE} \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd`,
    );
    expect(records[2]).toMatchObject({ lines: 3, suggestions: 1 });

    const text = await settle(startCli(['--no-probe', input]));
    expect(text).toMatchObject({ code: 1, stderr: '' });
    expect(text.stdout.toString()).toContain(`  line 1: \ufffd\ufffd\ufffd( ${NOSPACE} \ufffd`);
    expect(controlBytesIn(text.stdout)).toEqual([]);
  });

  it('an empty file: nothing found, exit 0', async () => {
    const input = file('empty.log', '');
    expect(await runCli([input])).toEqual({
      code: 0,
      stdout: '0 lines read: no known problem found.\n',
      stderr: '',
    });
    expect(await runCli(['--json', input])).toEqual({
      code: 0,
      stdout: '{"type":"summary","lines":0,"diagnoses":[],"suggestions":0}\n',
      stderr: '',
    });
  });

  it('a directory as FILE: one line, exit 2', async () => {
    for (const args of [[dir], ['--json', dir]]) {
      expect(await runCli(args)).toEqual({
        code: 2,
        stdout: '',
        stderr: `rootless-doctor: cannot read ${dir}: is a directory\n`,
      });
    }
  });
});

describe('escape sequences inside error lines', () => {
  const sequences = [
    '\u001b]52;c;cm0gLXJmIH4K\u0007', // OSC 52: write `rm -rf ~` to the clipboard
    '\u001b]52;p;ZXZpbA==\u001b\\',
    '\u001b[2J\u001b[H', // clear the screen, cursor home
    '\u001b[1A\u001b[2K', // up one line, erase it
    '\u001b[10;20H',
    '\u001b]0;pwned\u0007', // window title
    '\u001b]8;;https://evil.test/\u001b\\', // hyperlink
    '\u001bP1$r0m\u001b\\', // DCS
    '\u001b[?1049h', // alternate screen
    '\u001b[31m',
    '\r',
    '\b\b\b',
    '\u0007',
  ];
  const dirty = [
    sequences.join('') + NOSPACE.slice(0, 30) + sequences[0]! + NOSPACE.slice(30),
    NOSPACE.replace('/proc/self', `/proc${sequences[2]}/self${sequences[3]}`) + sequences[1],
    `${sequences.slice(4).join('no space')} ${NOSPACE}\u202e\u200b`,
  ];

  it('are removed before anything is printed, and the error is still diagnosed', async () => {
    const input = file('escapes.log', dirty.join('\n') + '\n');
    const text = await settle(startCli(['--no-probe', input]));
    expect(text).toMatchObject({ code: 1, stderr: '' });
    const stdout = text.stdout.toString();
    expect(controlBytesIn(text.stdout)).toEqual([]);
    expect(stdout).not.toMatch(/[\u202a-\u202e\u200b]/);
    expect(stdout).toContain(`  line 1: ${NOSPACE}\n`);
    expect(stdout).toContain(`3 lines read: 1 diagnosis.\n  1. `);
    expect(stdout).toContain(`[${NOSPACE_ID}] line 1, ×3\n`);

    const json = await settle(startCli(['--json', '--no-probe', input]));
    expect(json).toMatchObject({ code: 1, stderr: '' });
    expect(controlBytesIn(json.stdout)).toEqual([]);
    const records = jsonLines(json.stdout.toString());
    expect(records[0]).toMatchObject({ type: 'diagnosis', id: NOSPACE_ID, text: NOSPACE });
    expect(records.at(-1)).toMatchObject({ diagnoses: [{ id: NOSPACE_ID, count: 3 }] });
  });
});

describe('injection attempts in every capture', () => {
  const payloads = (value: string, marker: string): string[] => [
    `${value}$(touch ${marker})`,
    `${value}\`touch ${marker}\``,
    `${value};touch ${marker}`,
    `${value}' ; touch ${marker} '`,
    `${value}" && touch ${marker} "`,
    `${value}|touch ${marker}`,
    `$(touch ${marker})`,
    `${value}\ntouch ${marker}`,
    `${value}\u001b]52;c;dG91Y2g=\u0007\u202e`,
    `${value}é🙂`,
  ];

  it('never reach a shell: fix commands keep the author’s argv, nothing runs', async () => {
    const markers = path.join(dir, 'markers');
    mkdirSync(markers);
    const lines = kbExamples().flatMap(({ text, captures }) =>
      Object.values(captures ?? {})
        .filter((value) => value !== '' && text.includes(value))
        .flatMap((value) =>
          payloads(value, path.join(markers, 'pwned')).map((hostile) =>
            text.replace(value, hostile),
          ),
        ),
    );
    expect(lines.length).toBeGreaterThan(100);
    const input = file('injection.log', lines.join('\n') + '\n');

    const json = await settle(startCli(['--json', '--no-probe', input]));
    expect(json).toMatchObject({ code: 1, stderr: '' });
    expect(controlBytesIn(json.stdout)).toEqual([]);
    const entries = new Map(builtRuleSet().entries.map((entry) => [entry.id, entry]));
    const diagnoses = jsonLines(json.stdout.toString()).filter(
      (r) => r.type === 'diagnosis',
    ) as unknown as {
      id: string;
      captures: Record<string, string>;
      fixes: { text: string; command?: string }[];
    }[];
    const hostileCaptures = diagnoses.filter((d) =>
      Object.values(d.captures).some((value) => /[$`;|'"]/.test(value)),
    );
    expect(hostileCaptures.length).toBeGreaterThan(10);
    const filled = diagnoses.filter((d) => d.fixes.some((fix) => fix.command?.includes("'")));
    expect(filled.length).toBeGreaterThan(0);

    for (const diagnosis of diagnoses) {
      const entry = entries.get(diagnosis.id)!;
      diagnosis.fixes.forEach((fix) => {
        // fixes that can lose data are left out for causes the host did not confirm: match by text
        const template = entry.fixes.find((candidate) => candidate.text === fix.text)!.command;
        if (template === undefined || !template.includes('{{')) {
          expect(fix.command).toBe(template);
          return;
        }
        const written = splitCommandLine(withoutAuthorExpansions(template));
        const shown = splitCommandLine(withoutAuthorExpansions(fix.command!));
        expect(shown.operators).toEqual(written.operators);
        shown.commands.forEach((command, k) => {
          expect(parseShellWords(command)).toEqual(
            intendedArgv(written.commands[k]!, diagnosis.captures, {
              ...entry.captures,
              ...HOST_VALUE_PATTERNS,
            }),
          );
        });
      });
    }

    const text = await settle(startCli(['--no-probe', input]));
    expect(text).toMatchObject({ code: 1, stderr: '' });
    expect(controlBytesIn(text.stdout)).toEqual([]);
    expect(readdirSync(markers)).toEqual([]);
  });
});

describe('streams that do not end', () => {
  it('a 50 MB line without a newline, streamed: cut, flagged once, the error before it diagnosed', async () => {
    const cli = startCli(['--json', '--no-probe']);
    cli.child.stdin.write(`${NOSPACE}\n`);
    const first = await cli.waitForStdout((out) => out.includes('\n'), 10_000);
    expect(jsonLines(first)).toMatchObject([{ type: 'diagnosis', id: NOSPACE_ID, line: 1 }]);
    const megabyte = Buffer.alloc(1024 * 1024, 'no newline here, failed? ');
    const feed = feedUntilClosed(cli.child.stdin, (index) => {
      if (index === 49) setImmediate(() => cli.child.stdin.end());
      return index < 50 ? megabyte : Buffer.alloc(0);
    });
    const done = await settle(cli);
    expect(feed.written()).toBe(50 * 1024 * 1024);
    expect(done).toMatchObject({ code: 1 });
    expect(done.stderr).toBe('rootless-doctor: line 2 longer than 65536 bytes was cut\n');
    expect(jsonLines(done.stdout.toString()).map((r) => [r.type, r.line ?? r.lines])).toEqual([
      ['diagnosis', 1],
      ['suggestion', 2],
      ['summary', 2],
    ]);
    expect(done.ms).toBeLessThan(20_000);
  });

  it('a FIFO that stays open, with --json: each diagnosis arrives while the writer holds it open', async () => {
    const fifo = path.join(dir, 'daemon.fifo');
    execFileSync('mkfifo', [fifo]);
    const cli = startCli(['--json', '--no-probe', fifo]);
    const writer = await open(fifo, 'w'); // returns once the CLI has opened its end
    try {
      await writer.write(`starting\n${NOSPACE}\n`);
      const first = await cli.waitForStdout((out) => out.includes('\n'), 10_000);
      expect(jsonLines(first)).toMatchObject([{ type: 'diagnosis', id: NOSPACE_ID, line: 2 }]);
      expect(cli.child.exitCode).toBeNull();
      await writer.write('cannot expose privileged port 80\n');
      const second = await cli.waitForStdout((out) => out.split('\n').length > 2, 10_000);
      expect(jsonLines(second)[1]).toMatchObject({ id: 'privileged-port-not-allowed', line: 3 });
      expect(cli.child.exitCode).toBeNull();
    } finally {
      await writer.close();
    }
    const done = await settle(cli);
    expect(done).toMatchObject({ code: 1, stderr: '' });
    expect(jsonLines(done.stdout.toString()).at(-1)).toMatchObject({ type: 'summary', lines: 3 });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while the FIFO writer is still there, and before any writer: a prompt exit with a summary',
    async (signal) => {
      const fifo = path.join(dir, `${signal}.fifo`);
      execFileSync('mkfifo', [fifo]);
      const waiting = startCli(['--json', '--no-probe', fifo]);
      await waitUntil(() => hasOpen(waiting.child.pid!, fifo), 10_000);
      waiting.child.kill(signal);
      expect(await settle(waiting)).toMatchObject({ code: 0, signal: null, stderr: '' });
      expect(jsonLines(waiting.stdout().toString())).toEqual([
        { type: 'summary', lines: 0, diagnoses: [], suggestions: 0 },
      ]);

      const cli = startCli(['--json', '--no-probe', fifo]);
      const writer = await open(fifo, 'w');
      try {
        await writer.write(`${NOSPACE}\n`);
        await cli.waitForStdout((out) => out.includes('\n'), 10_000);
        const sent = performance.now();
        cli.child.kill(signal);
        const done = await settle(cli);
        expect(performance.now() - sent).toBeLessThan(3_000);
        expect(done).toMatchObject({ code: 1, signal: null, stderr: '' });
        expect(jsonLines(done.stdout.toString()).at(-1)).toEqual({
          type: 'summary',
          lines: 1,
          diagnoses: [{ id: NOSPACE_ID, count: 1, verdict: 'unknown' }],
          suggestions: 0,
        });
      } finally {
        await writer.close();
      }
    },
  );

  it('stdout closed early (`| head -1`): a prompt, quiet exit', async () => {
    const ports = Array.from({ length: 3000 }, (_, i) => `cannot expose privileged port ${i}`);
    const input = file('ports.log', ports.join('\n') + '\n');
    for (const cli of [
      `$CLI --no-probe ${input}`,
      `$CLI --json --no-probe < ${input}`,
      `$CLI ${input}`,
    ]) {
      // the CLI's own stderr and exit status, then head's
      const command = `{ ${cli}; echo "cli exit $?" >&2; } | head -1`;
      const done = await settle(startCli([], { shell: command }));
      expect({ command, stderr: done.stderr, code: done.code }).toEqual({
        command,
        stderr: expect.stringMatching(/^cli exit [01]\n$/),
        code: 0,
      });
      expect(done.stdout.toString().split('\n')).toHaveLength(2);
      expect(done.stdout.toString()).toMatch(/privileged/);
      expect(done.ms).toBeLessThan(10_000);
    }
  });

  it.each([
    ['SIGINT', true],
    ['SIGTERM', true],
    ['SIGINT', false],
    ['SIGTERM', false],
  ] as const)(
    '%s mid-stream (json: %s): exits promptly with a whole summary',
    async (signal, json) => {
      const cli = startCli(json ? ['--json', '--no-probe'] : ['--no-probe']);
      const noise = 'level=info msg="still running"\n'.repeat(2000);
      const feed = feedUntilClosed(cli.child.stdin, (index) =>
        Buffer.from(`${noise}cannot expose privileged port 80 (chunk ${index})\n`),
      );
      await cli.waitForStdout((out) => out.includes('privileged'), 10_000);
      const sent = performance.now();
      cli.child.kill(signal);
      const done = await settle(cli);
      feed.stop();
      expect(performance.now() - sent).toBeLessThan(3_000);
      expect(done).toMatchObject({ code: 1, signal: null, stderr: '' });
      const stdout = done.stdout.toString();
      expect(stdout.endsWith('\n')).toBe(true);
      if (json) {
        const records = jsonLines(stdout);
        const summary = records.at(-1)!;
        expect(summary).toMatchObject({ type: 'summary', suggestions: 0 });
        expect(summary.lines).toBeGreaterThan(2000);
        expect(summary.diagnoses).toEqual([
          { id: 'privileged-port-not-allowed', count: expect.any(Number), verdict: 'unknown' },
        ]);
        expect(records.filter((r) => r.type === 'summary')).toHaveLength(1);
      } else {
        expect(stdout).toMatch(
          /\n\d+ lines read: 1 diagnosis\.\n {2}1\. .*\[privileged-port-not-allowed\] line \d+, ×\d+\n$/,
        );
      }
      expectOwnMessagesOnly(done.stderr);
    },
  );
});

describe('nothing ran', () => {
  it('no marker file was created anywhere a payload pointed', () => {
    expect(existsSync(path.join(dir, 'markers', 'pwned'))).toBe(false);
  });
});
