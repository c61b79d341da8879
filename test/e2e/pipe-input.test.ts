// Pipe mode on bad, hostile and odd input, through the built CLI: unreadable files, empty and
// binary input, a 50 MB line, escape sequences, captured values that look like shell code. The
// exact outputs use a small fixed KB (a copy of dist/ with its own kb.json), so that they do not
// change whenever someone edits kb/.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI, NODE, runCli } from '../helpers/run-cli.js';
import { makeEntry, makeRuleSet } from '../helpers/make-entry.js';
import { createFixtureCli, type FixtureCli } from './fixture-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-input-'));
const file = (name: string, content: string | Buffer): string => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files that cannot be read: one line on stderr, exit 2', () => {
  test('a missing file', async () => {
    const missing = path.join(dir, 'missing.log');
    const result = await runCli(['--no-probe', missing]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `rootless-doctor: cannot read ${missing}: no such file or directory\n`,
    });
  });

  test('a directory given as FILE', async () => {
    const result = await runCli(['--no-probe', dir]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `rootless-doctor: cannot read ${dir}: is a directory\n`,
    });
  });
});

describe('odd input', () => {
  test('empty input: a clean run, exit 0', async () => {
    expect(await runCli(['--no-probe'], { input: '' })).toEqual({
      code: 0,
      stdout: '0 lines read: no known problem found.\n',
      stderr: '',
    });
    expect(await runCli(['--no-probe', '--json'], { input: '' })).toEqual({
      code: 0,
      stdout: '{"type":"summary","lines":0,"diagnoses":[],"suggestions":0}\n',
      stderr: '',
    });
  });

  test('binary data and invalid UTF-8: no crash, nothing raw reaches the terminal', async () => {
    let seed = 7;
    const random = Buffer.alloc(256 * 1024);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      random[i] = seed >>> 24;
    }
    const result = await runCli(['--no-probe'], { input: random });
    expect(result.stderr).toBe('');
    expect([0, 1, 3]).toContain(result.code);
    expect(result.stdout).toMatch(/^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f]*$/);
    expect(result.stdout).toMatch(/ lines read: /);
  });

  test('one 50 MB line without a newline is cut, flagged, and never buffered whole', async () => {
    const child = spawn(NODE, [CLI, '--no-probe'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let written = 0; written < 50; written++) {
      if (!child.stdin.write(block))
        await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    // the peak resident set of the process so far, while the line is still open
    const status = path.join('/proc', String(child.pid), 'status');
    const peak = existsSync(status)
      ? Number(/VmHWM:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1])
      : 0;
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(peak / 1024).toBeLessThan(150);
    expect(stderr).toBe('rootless-doctor: line 1 longer than 65536 bytes was cut\n');
    expect(stdout).toBe('1 line read: no known problem found.\n');
  });
});

describe('hostile input, on a fixed KB', () => {
  const ruleSet = makeRuleSet([
    makeEntry({
      id: 'subuid-range-missing',
      title: 'The user has no subordinate UID/GID range',
      summary: 'rootlesskit finds no line for the user in /etc/subuid.',
      signatures: [
        { regex: 'No subuid ranges found for user (?<user>.+)', literal: 'No subuid ranges found' },
      ],
      captures: { user: '[a-z_][a-z0-9_-]*' },
      fixes: [
        {
          text: 'Give the user a range.',
          command: 'sudo usermod --add-subuids 100000-165535 {{user}}',
          root: true,
        },
      ],
      links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
    }),
    makeEntry({
      id: 'data-root-on-nfs',
      title: 'The data-root is on NFS',
      summary: 'lchown fails on NFS.',
      severity: 'warning',
      signatures: [
        {
          regex: 'lchown (?<path>.+): operation not permitted',
          literal: ': operation not permitted',
        },
      ],
      captures: { path: '.+' },
      fixes: [{ text: 'Look at the path.', command: 'ls -ld {{path}}', root: false }],
    }),
  ]);
  let cli: FixtureCli;
  beforeAll(async () => {
    cli = await createFixtureCli(ruleSet);
  });
  afterAll(() => cli.remove());

  test('a captured value is shown quoted when its pattern allows it, never run; otherwise the placeholder stays', async () => {
    const marker = path.join(dir, 'pwned');
    const log = file(
      'hostile.log',
      [
        `No subuid ranges found for user $(touch ${marker})`,
        `failed to register layer: lchown $(touch ${marker}); \`touch ${marker}\`: operation not permitted`,
        '',
      ].join('\n'),
    );
    const result = await cli.run(['--no-probe', log]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        '? The user has no subordinate UID/GID range [subuid-range-missing]',
        `  line 1: No subuid ranges found for user $(touch ${marker})`,
        '  rootlesskit finds no line for the user in /etc/subuid.',
        '  fix: Give the user a range.',
        '    $ sudo usermod --add-subuids 100000-165535 {{user}}  # needs root',
        '  see: https://docs.docker.com/engine/security/rootless/troubleshoot/',
        '',
        '? The data-root is on NFS [data-root-on-nfs]',
        `  line 2: failed to register layer: lchown $(touch ${marker}); \`touch ${marker}\`: operation not permitted`,
        '  lchown fails on NFS.',
        '  fix: Look at the path.',
        `    $ ls -ld '$(touch ${marker}); \`touch ${marker}\`'`,
        '',
        '2 lines read: 2 diagnoses.',
        // an error ranks before a warning (severity before specificity)
        '  1. The user has no subordinate UID/GID range [subuid-range-missing] line 1, ×1',
        '  2. The data-root is on NFS [data-root-on-nfs] line 2, ×1',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
    expect(existsSync(marker)).toBe(false);
  });

  test('escape sequences in the input never reach the terminal', async () => {
    const log = file(
      'escapes.log',
      '\u001b]52;c;dG91Y2ggL3RtcC94\u0007\u001b[2J\u001b[31mNo subuid ranges found for user \u001b]0;pwned\u0007alice\u001b[0m\r\n',
    );
    const result = await cli.run(['--no-probe', log]);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      '? The user has no subordinate UID/GID range [subuid-range-missing]',
      '  line 1: No subuid ranges found for user alice',
    ]);
    expect(result.stdout).toContain(
      "    $ sudo usermod --add-subuids 100000-165535 'alice'  # needs root\n",
    );
  });

  test('--ignore drops an entry; an error line that matches nothing is a suggestion, exit 3', async () => {
    const log = file(
      'suggest.log',
      'No subuid ranges found for user alice\nlevel=error msg="failed to mount overlay: invalid argument"\n',
    );
    const result = await cli.run(['--no-probe', '--json', '--ignore', 'subuid-range-missing', log]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        '{"type":"suggestion","line":2,"text":"level=error msg=failed to mount overlay: invalid argument","candidates":[]}',
        '{"type":"summary","lines":2,"diagnoses":[],"suggestions":1}',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(3);
  });

  test('an unknown id for --ignore is named on stderr, the run goes on', async () => {
    const log = file('plain.log', 'all good\n');
    expect(await cli.run(['--no-probe', '--ignore', 'no-such-entry', log])).toEqual({
      code: 0,
      stdout: '1 line read: no known problem found.\n',
      stderr: 'rootless-doctor: --ignore: no entry `no-such-entry` in the knowledge base\n',
    });
  });
});
