import { describe, expect, it } from 'vitest';
import { layoutEntry, renderEntry } from '../../src/report/render-entry.js';
import { maxUserNamespaces, subuidRangeMissing } from '../search/sample-kb.js';

describe('renderEntry', () => {
  it('prints the whole entry as plain text when there is no colour', () => {
    expect(renderEntry(maxUserNamespaces, { width: 60, color: false })).toBe(
      [
        'The user namespace limit is zero or too low',
        'max-user-namespaces-too-low \u00b7 error \u00b7 userns, sysctl,',
        'daemon-start',
        '',
        'rootlesskit cannot create a user namespace because',
        'user.max_user_namespaces is 0 or exhausted; the "no space',
        'left on device" is about namespaces, not the disk.',
        '',
        'Fixes',
        '  [1] Raise the limit now and on every boot. (needs root)',
        "      $ echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
        '',
        'Cause',
        '  The kernel caps how many user namespaces each user may',
        '  hold with the sysctl `user.max_user_namespaces`. When the',
        '  cap is 0, `clone()` fails with `ENOSPC`, which Go reports',
        '  as "no space left on device". The disk is fine.',
        '',
        'Fix',
        '  Set the limit in a file under `/etc/sysctl.d/` so it',
        '  survives reboots:',
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
        '    sysctl user.max_user_namespaces: confirmed when below',
        '    1024, ruled out otherwise',
        '',
        'Links',
        '  https://docs.docker.com/engine/security/rootless/troubleshoot/',
        '',
      ].join('\n'),
    );
  });

  it('numbers fixes, marks those that need root and keeps placeholders', () => {
    const text = renderEntry(subuidRangeMissing, { width: 80, color: false });
    expect(text).toContain(
      [
        'Fixes',
        '  [1] Give the user 65,536 subordinate UIDs and GIDs. (needs root)',
        '      $ sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
        '  [2] Restart the rootless daemon so that rootlesskit reads the new ranges.',
        '      $ systemctl --user restart docker',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'Probes',
        '  subuid-range',
        '    range in /etc/subuid: confirmed when missing, unknown otherwise',
      ].join('\n'),
    );
  });

  it('colours roles and drops the backticks when colour is on', () => {
    const text = renderEntry(maxUserNamespaces, { width: 60, color: true });
    expect(text.split('\n')[0]).toBe('\x1b[1mThe user namespace limit is zero or too low\x1b[0m');
    expect(text).toContain('\x1b[33muser.max_user_namespaces\x1b[0m');
    expect(text).not.toContain('`');
  });
});

describe('layoutEntry', () => {
  it('wraps commands to the width for the TUI', () => {
    const lines = layoutEntry(maxUserNamespaces, { width: 40 }).map((line) =>
      line.map((part) => part.text).join(''),
    );
    const fix = lines.indexOf('      $ echo');
    expect(lines.slice(fix, fix + 5)).toEqual([
      '      $ echo',
      "        'user.max_user_namespaces=28633'",
      '        | sudo tee',
      '        /etc/sysctl.d/51-rootless.conf',
      '        && sudo sysctl --system',
    ]);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(40);
  });
});
