// Everything the checks share, looked at once before they run: whether systemd is PID 1, whose
// setup is checked (the caller, or the user named with `--user`, looked up in /etc/passwd through
// the Host), and that user's groups.
import type { Host } from '../probe/host.js';
import type { CheckContext } from './types.js';
import { excerpt } from '../probe/sanitize-evidence.js';
import { observeInit } from '../probe/observe-init.js';
import { findAccount, findGroups, readAccountFile } from './read-accounts.js';
import { viewAsUser } from './view-as-user.js';

export interface CreateCheckContextOptions {
  /** `--user NAME` (or a numeric uid) */
  user?: string;
  commandTimeoutMs?: number;
}

export type CreatedContext = { ok: true; context: CheckContext } | { ok: false; problem: string };

const DEFAULT_COMMAND_TIMEOUT_MS = 1000;
const USER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}\$?$/;

export async function createCheckContext(
  host: Host,
  options: CreateCheckContextOptions = {},
): Promise<CreatedContext> {
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const [init, group] = await Promise.all([observeInit(host), readAccountFile(host, '/etc/group')]);
  const groupText = 'text' in group ? group.text : '';
  const base = { commandTimeoutMs, caller: host.user, init, memo: new Map() };

  if (options.user === undefined) {
    const { name, gid } = host.user;
    const groups =
      name === undefined ? (gid === undefined ? [] : [gid]) : findGroups(groupText, name, gid);
    const home = host.env('HOME');
    return {
      ok: true,
      context: { ...base, host, subject: 'self', home: home || undefined, groups },
    };
  }

  const shown = excerpt(options.user, 40);
  if (!USER_NAME.test(options.user))
    return { ok: false, problem: `--user ${shown}: not a user name` };
  const passwd = await readAccountFile(host, '/etc/passwd');
  if ('problem' in passwd) return { ok: false, problem: `--user ${shown}: ${passwd.problem}` };
  const account = findAccount(passwd.text, options.user);
  if (account === undefined)
    return { ok: false, problem: `--user ${shown}: no such user in /etc/passwd` };
  const groups = findGroups(groupText, account.name, account.gid);
  if (account.uid === host.user.uid) {
    // yourself: your own environment and PATH are the real ones
    return { ok: true, context: { ...base, host, subject: 'self', home: account.home, groups } };
  }
  return {
    ok: true,
    context: {
      ...base,
      host: viewAsUser(host, account, groups),
      subject: 'other',
      home: account.home,
      groups,
    },
  };
}
