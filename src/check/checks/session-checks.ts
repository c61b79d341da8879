// The user's session: a runtime directory for the socket, a systemd user manager with its D-Bus
// (the setup tool installs a user unit), and linger so the daemon outlives the login. Without
// systemd only the runtime directory applies, and the user has to make it themselves.
import type { FilledFix } from '../../diagnose/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeEnv } from '../../probe/kinds/env.js';
import { observeFile } from '../../probe/kinds/file.js';
import { observeService } from '../../probe/kinds/service.js';
import { excerpt } from '../../probe/sanitize-evidence.js';
import { formatOctal } from '../file-access.js';

/** Without systemd nothing creates /run/user/UID; logging in again does not help. */
export const PRIVATE_RUNTIME_DIR_FIX: FilledFix = {
  text: 'Without systemd nothing creates /run/user/UID: make a private runtime directory and export it (put both in your shell profile).',
  command: 'export XDG_RUNTIME_DIR=$HOME/.docker/run; mkdir -p -m 700 "$XDG_RUNTIME_DIR"',
  root: false,
};

async function ownRuntimeDir(context: CheckContext): Promise<CheckOutcome> {
  const { host } = context;
  const noSystemd = context.init.systemd === false;
  const broken = (evidence: string) =>
    noSystemd ? fail(evidence, undefined, PRIVATE_RUNTIME_DIR_FIX) : fail(evidence);
  const seen = await observeEnv({ name: 'XDG_RUNTIME_DIR' }, host);
  if (seen.state !== 'present') return broken(seen.evidence);
  const dir = seen.value;
  const shown = excerpt(dir, 100);
  const stat = await host.stat(dir);
  if (stat.status === 'absent') return broken(`XDG_RUNTIME_DIR=${shown} does not exist`);
  if (stat.status === 'error') return warn(`XDG_RUNTIME_DIR=${shown}: ${stat.reason}`);
  if (stat.info.kind !== 'directory') return broken(`XDG_RUNTIME_DIR=${shown} is not a directory`);
  const writable = await host.isWritable(dir);
  if (writable === false) return broken(`XDG_RUNTIME_DIR=${shown} is not writable by you`);
  return pass(
    writable === true
      ? `XDG_RUNTIME_DIR=${shown}`
      : `XDG_RUNTIME_DIR=${shown} (writability not checked)`,
  );
}

/** Another user's environment cannot be seen: look at the directory logind makes for them. */
async function theirRuntimeDir(context: CheckContext): Promise<CheckOutcome> {
  const { uid, name } = context.host.user;
  const who = name ?? `uid ${uid}`;
  if (uid === undefined) return warn('their uid is not known');
  const dir = `/run/user/${uid}`;
  const noSystemd = context.init.systemd === false;
  const stat = await context.host.stat(dir);
  if (stat.status === 'absent') {
    return warn(
      noSystemd
        ? `${dir} does not exist and without systemd nothing creates it: ${who} must make a private one and export XDG_RUNTIME_DIR`
        : `${dir} does not exist: logind creates it when ${who} logs in (or at boot with linger)`,
    );
  }
  if (stat.status === 'error') return warn(`${dir}: ${stat.reason}`);
  const { info } = stat;
  if (info.kind !== 'directory') return fail(`${dir} is not a directory`);
  if (info.uid !== uid) return fail(`${dir} belongs to uid ${info.uid}, not to ${who}`);
  const shown = `${dir} is ${who}'s, mode ${formatOctal(info)}`;
  return pass(noSystemd ? `${shown} (without systemd ${who} must export XDG_RUNTIME_DIR)` : shown);
}

export const xdgRuntimeDirCheck: Check = {
  id: 'xdg-runtime-dir',
  label: 'XDG_RUNTIME_DIR writable',
  entry: 'xdg-runtime-dir-unset',
  requires: ['non-root'],
  run: (context) =>
    context.subject === 'self' ? ownRuntimeDir(context) : theirRuntimeDir(context),
};

export const systemdUserSessionCheck: Check = {
  id: 'systemd-user-session',
  label: 'systemd user session and D-Bus',
  entry: 'dbus-user-session-missing',
  requires: ['systemd', 'non-root'],
  async run(context) {
    const { host, commandTimeoutMs } = context;
    if (context.subject === 'other') {
      // `systemctl --user` would ask the caller's manager; their bus socket tells instead
      const { uid, name } = host.user;
      const bus = `/run/user/${uid}/bus`;
      const stat = await host.stat(bus);
      if (stat.status === 'ok' && stat.info.kind === 'socket')
        return pass(`${bus} exists: ${name}'s user D-Bus is up`);
      if (stat.status === 'error') return warn(`${bus}: ${stat.reason}`);
      return warn(
        `no ${bus}: ${name} has no user D-Bus now (not logged in, or no dbus-user-session)`,
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
  requires: ['systemd', 'non-root'],
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
