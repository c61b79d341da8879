import { describe, expect, test } from 'vitest';
import { createTextReporter } from '../../src/report/text-reporter.js';
import { DIAGNOSIS, RULED_OUT, SUGGESTION, SUMMARY as summary } from './fixtures.js';

const plain = createTextReporter({ color: false });
const coloured = createTextReporter({ color: true });

describe('text reporter', () => {
  test('a diagnosis: title, evidence line, summary, probes, fixes, links', () => {
    expect(plain.diagnosis(DIAGNOSIS)).toBe(
      [
        '✗ The user namespace limit is zero or too low [max-user-namespaces-too-low] — confirmed on this host',
        '  line 12: [rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
        '  rootlesskit cannot create a user namespace because user.max_user_namespaces is 0.',
        '  checked: /proc/sys/user/max_user_namespaces = 0 (confirms)',
        '  fix: Raise the limit now and on every boot.',
        "    $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system  # needs root",
        '  fix: Then start the daemon again.',
        '  see: https://docs.docker.com/engine/security/rootless/troubleshoot/',
        '',
        '',
      ].join('\n'),
    );
  });

  test('a ruled-out diagnosis says so, leaves its fixes to `show` and, in colour, is dimmed', () => {
    expect(RULED_OUT.fixes.length + RULED_OUT.links.length).toBeGreaterThan(0);
    expect(plain.diagnosis(RULED_OUT).split('\n')).toEqual([
      '– Unprivileged user namespaces are switched off [userns-clone-disabled] — ruled out on this host',
      '  line 3: fork/exec /proc/self/exe: operation not permitted',
      '  kernel.unprivileged_userns_clone is 0.',
      '  checked: /proc/sys/kernel/unprivileged_userns_clone = 1 (rules out)',
      '  fixes: rootless-doctor show userns-clone-disabled',
      '',
      '',
    ]);
    // the mark in gray (ruled out), everything else dim: no colour that says "problem" or "look"
    const [head, ...rest] = coloured.diagnosis(RULED_OUT).trimEnd().split('\n');
    expect(head).toMatch(/^\u001b\[90m–\u001b\[0m \u001b\[2mUnprivileged/);
    for (const line of rest) expect(line).toMatch(/^ *\u001b\[2m.*\u001b\[0m$/);
    expect(coloured.diagnosis(RULED_OUT)).not.toMatch(/\u001b\[(?:1;)?3[1-6]m/);
  });

  test('colour only when asked for', () => {
    expect(plain.diagnosis(DIAGNOSIS)).not.toContain('\u001b');
    // confirmed: ✗ in the role of a confirmed problem (bold red), as everywhere else
    expect(coloured.diagnosis(DIAGNOSIS)).toContain(
      '\u001b[1;31m✗\u001b[0m \u001b[1mThe user namespace',
    );
  });

  test('log text is made terminal-safe before it is shown', () => {
    const hostile = { ...DIAGNOSIS, text: 'x\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[2Jy', probes: [] };
    expect(plain.diagnosis(hostile)).toContain('  line 12: xy\n');
  });

  test('a suggestion is labelled as a guess', () => {
    expect(plain.suggestion(SUGGESTION)).toBe(
      [
        '? Not a known error, but it looks like one',
        '  line 40: level=error msg=failed to mount overlay: invalid argument',
        '  a guess: Kernel overlayfs is unavailable [overlay-unavailable-fallback]',
        '       or: /dev/fuse is missing [fuse-device-missing]',
        '',
        '',
      ].join('\n'),
    );
    expect(plain.suggestion({ ...SUGGESTION, candidates: [] })).toContain(
      '  no similar entry in the knowledge base\n',
    );
  });

  test('the summary ranks what was found', () => {
    expect(plain.summary({ summary, ranked: [DIAGNOSIS, RULED_OUT] })).toBe(
      [
        '1000 lines read: 2 diagnoses (1 ruled out on this host), 1 suggestion.',
        '  1. The user namespace limit is zero or too low [max-user-namespaces-too-low] line 12, ×3, confirmed on this host',
        '  2. Unprivileged user namespaces are switched off [userns-clone-disabled] line 3, ×1, ruled out on this host',
        '',
      ].join('\n'),
    );
  });

  test('with several probes, the verdict line says which decided', () => {
    const two = {
      ...DIAGNOSIS,
      verdict: 'unknown' as const,
      reason: 'cannot tell: loginctl show-user alice: Failed to connect to bus',
      probes: [
        {
          id: 'a',
          verdict: 'confirmed' as const,
          evidence: '/var/lib/systemd/linger/alice does not exist',
        },
        {
          id: 'b',
          verdict: 'unknown' as const,
          evidence: 'loginctl show-user alice: Failed to connect to bus',
        },
      ],
    };
    const lines = plain.diagnosis(two).split('\n');
    expect(lines.slice(3, 6)).toEqual([
      '  checked: /var/lib/systemd/linger/alice does not exist (confirms)',
      '  checked: loginctl show-user alice: Failed to connect to bus (cannot tell)',
      '  verdict: cannot tell: loginctl show-user alice: Failed to connect to bus',
    ]);
  });

  test('a fix that can lose data carries the warning line', () => {
    const destructive = {
      ...DIAGNOSIS,
      fixes: [
        {
          text: 'Remove the data.',
          command: 'rootlesskit rm -rf ~/.local/share/docker',
          root: false,
          destructive: true,
        },
      ],
    };
    const lines = plain.diagnosis(destructive).split('\n');
    const at = lines.indexOf('  fix: Remove the data.');
    expect(lines.slice(at, at + 3)).toEqual([
      '  fix: Remove the data.',
      '  warning: this deletes data; read it and keep a copy before you run it',
      '    $ rootlesskit rm -rf ~/.local/share/docker',
    ]);
  });

  test('the summary names the command to run when only a consequence is visible', () => {
    const collect = {
      id: 'setuptool-failed-to-start-service',
      command: 'journalctl --user -u docker -n 50 --no-pager',
      text: 'Its last lines say why the daemon stopped.',
    };
    const report = { summary: { ...summary, collect }, ranked: [DIAGNOSIS] };
    expect(plain.summary(report).split('\n').slice(2)).toEqual([
      '  This shows only a consequence; the line that says why is elsewhere. Its last lines say why the daemon stopped.',
      '    $ journalctl --user -u docker -n 50 --no-pager',
      '',
    ]);
  });

  test('the summary when nothing was found', () => {
    const summary = { lines: 1, diagnoses: [], suggestions: 0 };
    expect(plain.summary({ summary, ranked: [] })).toBe('1 line read: no known problem found.\n');
  });

  test('a diagnosis is marked by its verdict, never by its severity', () => {
    const marks = (['confirmed', 'unknown', 'ruled-out'] as const).map(
      (verdict) => plain.diagnosis({ ...DIAGNOSIS, severity: 'warning', verdict })[0],
    );
    expect(marks).toEqual(['✗', '?', '–']);
  });

  test('on a terminal, long lines wrap with a hanging indent; commands and links stay whole', () => {
    const narrow = createTextReporter({ color: false, width: 40 });
    expect(narrow.diagnosis(DIAGNOSIS).split('\n')).toEqual([
      '✗ The user namespace limit is zero or',
      '  too low [max-user-namespaces-too-low]',
      '  — confirmed on this host',
      '  line 12: [rootlesskit:parent] error:',
      '    failed to start the child: fork/exec',
      '    /proc/self/exe: no space left on',
      '    device',
      '  rootlesskit cannot create a user',
      '    namespace because',
      '    user.max_user_namespaces is 0.',
      '  checked:',
      '    /proc/sys/user/max_user_namespaces =',
      '    0 (confirms)',
      '  fix: Raise the limit now and on every',
      '    boot.',
      "    $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system  # needs root",
      '  fix: Then start the daemon again.',
      '  see: https://docs.docker.com/engine/security/rootless/troubleshoot/',
      '',
      '',
    ]);
  });

  test('without a width (not a terminal) no line is wrapped', () => {
    const long = { ...DIAGNOSIS, text: 'word '.repeat(30).trim() };
    expect(plain.diagnosis(long).split('\n')[1]).toBe(`  line 12: ${long.text}`);
  });
});
