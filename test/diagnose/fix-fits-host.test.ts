import { describe, expect, test } from 'vitest';
import { fixFitsHost } from '../../src/diagnose/fix-fits-host.js';
import { observeDebianDockerIo } from '../../src/probe/observe-packaging.js';
import { createFakeHost } from '../probe/fake-host.js';

describe('fixes that fit the host', () => {
  test('no systemd: no systemctl, loginctl, machinectl or journalctl', () => {
    for (const command of [
      'systemctl --user restart docker',
      'sudo loginctl enable-linger "$(whoami)"',
      'journalctl --user -u docker',
    ]) {
      expect(fixFitsHost({ command }, { systemd: false })).toBe(false);
      expect(fixFitsHost({ command }, { systemd: true })).toBe(true);
      expect(fixFitsHost({ command }, {})).toBe(true);
    }
    expect(fixFitsHost({ command: 'dockerd-rootless.sh' }, { systemd: false })).toBe(true);
    // a fix the KB marks as needing systemd (a login session from logind)
    expect(
      fixFitsHost({ command: 'ssh "$(whoami)"@localhost', systemd: true }, { systemd: false }),
    ).toBe(false);
    expect(
      fixFitsHost({ command: 'ssh "$(whoami)"@localhost', systemd: true }, { systemd: true }),
    ).toBe(true);
  });

  test("Debian's docker.io: no fix that installs Docker's docker-ce packages", () => {
    const docker = { command: 'sudo apt-get install -y docker-ce docker-ce-rootless-extras' };
    expect(fixFitsHost(docker, { debianDockerIo: true })).toBe(false);
    expect(fixFitsHost(docker, { debianDockerIo: false })).toBe(true);
    expect(
      fixFitsHost(
        { command: 'sudo apt-get install -y rootlesskit uidmap' },
        { debianDockerIo: true },
      ),
    ).toBe(true);
  });

  test('dpkg tells whether docker.io is installed; anything else cannot tell', async () => {
    const ask = (answer: Parameters<typeof createFakeHost>[0]) =>
      observeDebianDockerIo(createFakeHost(answer));
    expect(
      await ask({
        commands: {
          'dpkg -s docker.io': { stdout: 'Package: docker.io\nStatus: install ok installed\n' },
        },
      }),
    ).toBe(true);
    expect(
      await ask({
        commands: {
          'dpkg -s docker.io': {
            stdout: '',
            stderr: "dpkg-query: package 'docker.io' is not installed",
            exit: 1,
          },
        },
      }),
    ).toBe(false);
    expect(await ask({})).toBeUndefined();
  });
});
