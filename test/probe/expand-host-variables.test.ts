import { describe, expect, it } from 'vitest';
import { expandHostPath, expandHostVariables } from '../../src/probe/expand-host-variables.js';
import { createFakeHost } from './fake-host.js';

const host = createFakeHost({
  env: { HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000', PWD: '/tmp' },
});

describe('host variables', () => {
  it.each([
    ['~/.config/docker/daemon.json', '/home/alice/.config/docker/daemon.json'],
    ['$HOME/x', '/home/alice/x'],
    ['${HOME}/x', '/home/alice/x'],
    ['/var/lib/systemd/linger/$USER', '/var/lib/systemd/linger/alice'],
    [
      '/sys/fs/cgroup/user.slice/user-$UID.slice/user@$UID.service',
      '/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service',
    ],
    ['$XDG_RUNTIME_DIR/docker.sock', '/run/user/1000/docker.sock'],
    ['/etc/subuid', '/etc/subuid'],
  ])('expand %s', (path, expanded) => {
    expect(expandHostPath(path, host)).toEqual({ ok: true, text: expanded });
  });

  it('refuse other variables, even ones the environment has', () => {
    expect(expandHostVariables('$PWD/x', host)).toEqual({
      ok: false,
      reason: 'unsupported variable $PWD',
    });
  });

  it('refuse an unset or empty variable, and a relative result', () => {
    const bare = createFakeHost({ env: { HOME: '' }, user: { name: undefined, uid: undefined } });
    expect(expandHostPath('~/x', bare)).toEqual({ ok: false, reason: '$HOME is not set' });
    expect(expandHostPath('/x/$USER', bare)).toEqual({ ok: false, reason: '$USER is not set' });
    expect(expandHostPath('/x/$UID', bare)).toEqual({ ok: false, reason: '$UID is not set' });
    expect(expandHostPath('relative/path', host)).toEqual({
      ok: false,
      reason: '`relative/path` is not an absolute path',
    });
  });
});
