// The user's session: a runtime directory for the socket, a systemd user manager with its D-Bus
// (the setup tool installs a user unit), and linger so the daemon outlives the login.
import type { Check } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeEnv } from '../../probe/kinds/env.js';
import { observeFile } from '../../probe/kinds/file.js';
import { observeService } from '../../probe/kinds/service.js';
import { excerpt } from '../../probe/sanitize-evidence.js';

export const xdgRuntimeDirCheck: Check = {
  id: 'xdg-runtime-dir',
  label: 'XDG_RUNTIME_DIR writable',
  entry: 'xdg-runtime-dir-unset',
  async run({ host }) {
    const seen = await observeEnv({ name: 'XDG_RUNTIME_DIR' }, host);
    if (seen.state !== 'present') return fail(seen.evidence);
    const dir = seen.value;
    const shown = excerpt(dir, 100);
    const stat = await host.stat(dir);
    if (stat.status === 'absent') return fail(`XDG_RUNTIME_DIR=${shown} does not exist`);
    if (stat.status === 'error') return warn(`XDG_RUNTIME_DIR=${shown}: ${stat.reason}`);
    if (stat.info.kind !== 'directory') return fail(`XDG_RUNTIME_DIR=${shown} is not a directory`);
    const writable = await host.isWritable(dir);
    if (writable === false) return fail(`XDG_RUNTIME_DIR=${shown} is not writable by you`);
    return pass(
      writable === true
        ? `XDG_RUNTIME_DIR=${shown}`
        : `XDG_RUNTIME_DIR=${shown} (writability not checked)`,
    );
  },
};

export const systemdUserSessionCheck: Check = {
  id: 'systemd-user-session',
  label: 'systemd user session and D-Bus',
  entry: 'dbus-user-session-missing',
  async run({ host, commandTimeoutMs }) {
    const init = await observeFile({ path: '/proc/1/comm' }, host);
    if (init.state === 'present' && init.value.trim() !== 'systemd') {
      const pid1 = excerpt(init.value.trim(), 30);
      return warn(
        `PID 1 is \`${pid1}\`, not systemd: start dockerd-rootless.sh yourself`,
        'systemd-not-detected',
      );
    }
    const seen = await observeService({ unit: 'dbus', scope: 'user' }, host, {
      timeoutMs: commandTimeoutMs,
    });
    if (seen.state === 'present')
      return seen.facts?.active ? pass(seen.evidence) : fail(seen.evidence);
    // No user manager to ask: the shell came from su/sudo or has no login session.
    if (/Failed to connect to bus/i.test(seen.evidence))
      return fail(seen.evidence, 'systemctl-user-no-session-bus');
    return warn(seen.evidence);
  },
};

export const lingerCheck: Check = {
  id: 'linger',
  label: 'linger enabled',
  entry: 'linger-disabled',
  async run({ host }) {
    const name = host.user.name;
    if (name === undefined || name.includes('/')) return warn('the current user name is not known');
    const path = `/var/lib/systemd/linger/${name}`;
    const seen = await observeFile({ path }, host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    if (seen.state === 'absent')
      return warn(`${path} does not exist: the daemon stops at logout and does not start at boot`);
    return pass(`${path} exists`);
  },
};
