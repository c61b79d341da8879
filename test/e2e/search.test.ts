// `rootless-doctor search` run like a user runs it: the built CLI in a real process, NO_COLOR.
// Outputs are pinned line by line over a fixed knowledge base (test/search/sample-kb.ts); the
// real KB is checked only for what must stay true whatever entries are added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { SAMPLE_RULE_SET } from '../search/sample-kb.js';
import { createFixtureCli, type FixtureCli } from './fixture-cli.js';

let cli: FixtureCli;
beforeAll(async () => {
  cli = await createFixtureCli(SAMPLE_RULE_SET);
});
afterAll(() => cli.remove());

describe('search over a fixed KB', () => {
  it('prints id and title, then the summary cut to one line, best first', async () => {
    expect(await cli.run(['search', 'user', 'namespaces'])).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'userns-clone-disabled  Unprivileged user namespaces are switched off by kernel.unprivileged_userns_clone',
        '  A Debian or Arch kernel has kernel.unprivileged_userns_clone set to 0, so roo…',
        'max-user-namespaces-too-low  The user namespace limit is zero or too low',
        '  rootlesskit cannot create a user namespace because user.max_user_namespaces i…',
        '',
      ].join('\n'),
    });
  });

  it('ranks the entry of a pasted error line first, and finds through a typo', async () => {
    const line = await cli.run(['search', 'fork/exec /proc/self/exe: operation not permitted']);
    expect(line.stdout.split('\n')[0]).toBe(
      'userns-clone-disabled  Unprivileged user namespaces are switched off by kernel.unprivileged_userns_clone',
    );
    const typo = await cli.run(['search', 'max_user_namspaces']);
    expect(typo.stdout.split('\n')[0]).toBe(
      'max-user-namespaces-too-low  The user namespace limit is zero or too low',
    );
  });

  it('prints one JSON document with --json, saying why each hit matched', async () => {
    const { code, stdout, stderr } = await cli.run([
      'search',
      '--json',
      'kernel.unprivileged_userns_clone',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      `${JSON.stringify({
        query: 'kernel.unprivileged_userns_clone',
        results: [
          {
            id: 'userns-clone-disabled',
            title:
              'Unprivileged user namespaces are switched off by kernel.unprivileged_userns_clone',
            summary:
              'A Debian or Arch kernel has kernel.unprivileged_userns_clone set to 0, so rootlesskit is not allowed to create the user namespace the daemon runs in.',
            severity: 'error',
            tags: ['userns', 'sysctl', 'daemon-start'],
            match: 'exact',
            // one weights table for every KB search (search-fields.ts) since issue 14
            score: 0.001,
            // the sysctl is a keyword, the probe's target, and named in the title and summary
            why: {
              fields: ['keyword', 'target', 'title', 'summary'],
              terms: ['kernel.unprivileged_userns_clone'],
            },
          },
        ],
      })}\n`,
    );
  });

  it('says so on stderr and exits 1 when nothing matches', async () => {
    expect(await cli.run(['search', 'xyzzy'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'rootless-doctor: no entry matches `xyzzy`; try fewer or other words, or an error message fragment\n',
    });
    expect(await cli.run(['search', '--json', 'xyzzy'])).toMatchObject({
      code: 1,
      stdout: '{"query":"xyzzy","results":[]}\n',
    });
  });

  it('leaves out entries named with --ignore', async () => {
    const { stdout } = await cli.run(['search', '--ignore', 'userns-clone-disabled', 'userns']);
    expect(stdout).not.toContain('userns-clone-disabled');
  });
});

describe('search over the real KB', () => {
  it.each([
    ['max_user_namspaces', 'max-user-namespaces-too-low'],
    ['user.max_user_namespaces', 'max-user-namespaces-too-low'],
    ['no space left on device', 'max-user-namespaces-too-low'],
    ['kernel.unprivileged_userns_clone', 'userns-clone-disabled'],
    [
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
      'max-user-namespaces-too-low',
    ],
  ])('`search %s` ranks %s first', async (query, id) => {
    const { code, stdout } = await runCli(['search', query]);
    expect(code).toBe(0);
    expect(stdout.split('  ')[0]).toBe(id);
  });

  it('shows at most ten results', async () => {
    const { stdout } = await runCli(['search', 'daemon']);
    expect(stdout.split('\n').filter((line) => line !== '' && !line.startsWith(' '))).toHaveLength(
      10,
    );
  });
});
