// `rootless-doctor show` run like a user runs it: the built CLI in a real process, NO_COLOR.
// The full text is pinned over a fixed knowledge base (test/search/sample-kb.ts); over the real KB
// only what must stay true whatever the entries say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLE_RULE_SET, subuidRangeMissing } from '../search/sample-kb.js';
import { createFixtureCli, type FixtureCli } from './fixture-cli.js';

let cli: FixtureCli;
beforeAll(async () => {
  cli = await createFixtureCli(SAMPLE_RULE_SET);
});
afterAll(() => cli.remove());

describe('show over a fixed KB', () => {
  it('prints the entry in full, 80 columns wide, code marked with backticks', async () => {
    expect(await cli.run(['show', 'max-user-namespaces-too-low'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'The user namespace limit is zero or too low',
        'max-user-namespaces-too-low · error · userns, sysctl, daemon-start',
        '',
        'rootlesskit cannot create a user namespace because user.max_user_namespaces is 0',
        'or exhausted; the "no space left on device" is about namespaces, not the disk.',
        '',
        'Fixes',
        '  [1] Raise the limit now and on every boot. (needs root)',
        "      $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
        '',
        'Cause',
        '  The kernel caps how many user namespaces each user may hold with the sysctl',
        '  `user.max_user_namespaces`. When the cap is 0, `clone()` fails with `ENOSPC`,',
        '  which Go reports as "no space left on device". The disk is fine.',
        '',
        'Fix',
        '  Set the limit in a file under `/etc/sysctl.d/` so it survives reboots:',
        '',
        '  - load it with `sudo sysctl --system`;',
        '  - start the daemon again.',
        '',
        'Signatures',
        '  fork/exec /proc/self/exe: no space left on device',
        '  /proc/sys/user/max_user_namespaces needs to be set to non-zero',
        '',
        'Probes',
        '  max-user-namespaces-value',
        '    sysctl user.max_user_namespaces: confirmed when below 1024, ruled out',
        '    otherwise',
        '',
        'Links',
        '  https://docs.docker.com/engine/security/rootless/troubleshoot/',
        '',
      ].join('\n'),
    });
  });

  it('prints the compiled entry as one JSON document with --json', async () => {
    const { code, stdout, stderr } = await cli.run(['show', '--json', 'subuid-range-missing']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${JSON.stringify(subuidRangeMissing)}\n`);
  });

  it('suggests the nearest ids for an unknown id and exits 2', async () => {
    expect(await cli.run(['show', 'max-user-namespace-too-low'])).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'rootless-doctor: unknown entry id `max-user-namespace-too-low`; did you mean `max-user-namespaces-too-low`?',
        "Run 'rootless-doctor search WORDS...' to find entries by keyword.",
        '',
      ].join('\n'),
    });
  });

  it('falls back to what the id is about when no id is close', async () => {
    const { code, stderr } = await cli.run(['show', 'no-space-left-on-device']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(
      'rootless-doctor: unknown entry id `no-space-left-on-device`; did you mean `max-user-namespaces-too-low`?',
    );
  });

  it('says only how to search when nothing is near', async () => {
    expect(await cli.run(['show', 'xyzzy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'rootless-doctor: unknown entry id `xyzzy`',
        "Run 'rootless-doctor search WORDS...' to find entries by keyword.",
        '',
      ].join('\n'),
    });
  });

  it('never echoes control characters from the id', async () => {
    const { stderr } = await cli.run(['show', 'bad\x1b]52;c;ZXZpbA==\x07id']);
    expect(stderr).not.toContain('\x1b');
  });
});

describe('show over the real KB', () => {
  it('prints the seed entry with its sections in order', async () => {
    const { code, stdout, stderr } = await runCli(['show', 'max-user-namespaces-too-low']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe('The user namespace limit is zero or too low');
    const headings = stdout.split('\n').filter((line) => /^[A-Z][a-z]+$/.test(line));
    expect(headings).toEqual(['Fixes', 'Cause', 'Fix', 'Verify', 'Signatures', 'Probes', 'Links']);
    expect(stdout).toContain("$ echo 'user.max_user_namespaces=28633'");
  });
});
