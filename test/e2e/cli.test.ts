// The command-line contract: help pinned word for word, usage errors, exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const HELP = `rootless-doctor: why your rootless Docker fails, and what to do about it

Usage
  rootless-doctor [options] [FILE]   diagnose FILE or stdin (-) as lines arrive
  rootless-doctor                    at a terminal: the interactive view
  rootless-doctor check              probe this host for every prerequisite
  rootless-doctor search WORDS...    find knowledge-base entries by keyword
  rootless-doctor show ID            print one entry in full
  rootless-doctor tui                the interactive view (paste errors, browse)
  rootless-doctor kb lint [DIR]      validate a knowledge base (default: ./kb)
  rootless-doctor help | version     this help, the version

Options
  --json             JSON Lines on stdout; one document for check, search, show
                     and kb lint
  --no-probe         do not probe the host to confirm or rule out causes
  --ignore ID[,ID]   drop these entries from the results
  --host-root DIR    probe files under DIR (a copy of another host's /proc and
                     /etc) instead of /
  --user NAME        with check: NAME's setup instead of your own (run as root)
  --no-color         no colours (also: NO_COLOR=1; FORCE_COLOR=1 forces them)
  -h, --help         show this help
  -V, --version      show the version

Examples
  dockerd-rootless.sh 2>&1 | rootless-doctor
  journalctl --user -u docker --no-pager | rootless-doctor --json
  rootless-doctor search max_user_namespaces

Exit status
  0 nothing wrong found   1 a cause was found   2 usage or input error
  3 only unrecognised errors (suggestions)
`;

describe('rootless-doctor CLI', () => {
  it('prints the help, exactly', async () => {
    expect(await runCli(['--help'])).toEqual({ code: 0, stdout: HELP, stderr: '' });
    expect((await runCli(['-h'])).stdout).toBe(HELP);
  });

  it('prints the version from package.json', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['--bogus'], "rootless-doctor: Unknown option '--bogus'"],
    [['--host-root'], "rootless-doctor: Option '--host-root <value>' argument missing"],
    [
      ['a.log', 'b.log'],
      'rootless-doctor: unexpected extra argument `b.log`, expected at most one FILE',
    ],
    [['kb', 'build'], 'rootless-doctor: unexpected `kb build`, expected `kb lint [DIR]`'],
    [['show'], 'rootless-doctor: `show` needs exactly one entry id'],
    [['search'], 'rootless-doctor: `search` needs at least one word'],
    [['check', 'now'], 'rootless-doctor: unexpected argument `now` after `check`'],
  ])('%j is a usage error: one line, exit 2', async (args, message) => {
    expect(await runCli(args)).toEqual({
      code: 2,
      stdout: '',
      stderr: `${message}\nRun 'rootless-doctor --help' for usage.\n`,
    });
  });

  it('a missing file is exit 2 with one line', async () => {
    expect(await runCli(['/nonexistent/daemon.log'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rootless-doctor: cannot read /nonexistent/daemon.log: no such file or directory\n',
    });
  });

  it('kb lint prints every issue with file, line and column, exit 1', async () => {
    const result = await runCli(['kb', 'lint', 'test/fixtures/kb-broken/wrong-type']);
    expect(result).toEqual({
      code: 1,
      stdout:
        'test/fixtures/kb-broken/wrong-type/widget-fails.md:4:11: Unexpected string `fatal` for `severity`, expected `error` or `warning` or `info` (wrong-type)\n',
      stderr: 'test/fixtures/kb-broken/wrong-type: 1 issue in 1 file\n',
    });
  });

  it('kb lint without DIR checks ./kb where it stands and says so, exit 0', async () => {
    const result = await runCli(['kb', 'lint']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^kb: \d+ entries, no issues\n$/);
    expect(result.code).toBe(0);
  });

  it('kb lint without DIR, where no ./kb exists, checks the bundled KB', async () => {
    const result = await runCli(['kb', 'lint'], { cwd: '/' });
    expect(result.stderr).toMatch(/^\/.+\/kb: \d+ entries, no issues\n$/);
    expect(result.code).toBe(0);
  });

  it('kb lint --json prints one document with the directory, the entry count and every issue', async () => {
    const result = await runCli(['kb', 'lint', '--json', 'test/fixtures/kb-broken/wrong-type']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      dir: 'test/fixtures/kb-broken/wrong-type',
      entries: 0,
      issues: [
        {
          file: 'test/fixtures/kb-broken/wrong-type/widget-fails.md',
          line: 4,
          column: 11,
          code: 'wrong-type',
          message:
            'Unexpected string `fatal` for `severity`, expected `error` or `warning` or `info`',
        },
      ],
    });
  });

  it.each([
    [['chek'], 'unknown command `chek`; did you mean `check`?'],
    [['serach', 'foo'], 'unknown command `serach`; did you mean `search`?'],
    [['shwo', 'x'], 'unknown command `shwo`; did you mean `show`?'],
  ])('a mistyped command %j gets a "did you mean", exit 2', async (args, message) => {
    expect(await runCli(args)).toEqual({
      code: 2,
      stdout: '',
      stderr: `rootless-doctor: ${message}\nRun 'rootless-doctor --help' for usage.\n`,
    });
  });

  it('`-` reads standard input; `help` and `version` work as words', async () => {
    const piped = await runCli(['--no-probe', '-'], { input: 'all good\n' });
    expect(piped).toEqual({
      code: 0,
      stdout: '1 line read: no known problem found.\n',
      stderr: '',
    });
    expect((await runCli(['help'])).stdout).toBe((await runCli(['--help'])).stdout);
    expect((await runCli(['version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('kb lint of a missing directory is exit 2', async () => {
    expect(await runCli(['kb', 'lint', '/nonexistent-kb'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'rootless-doctor: cannot read KB directory /nonexistent-kb: ENOENT\n',
    });
  });
});
