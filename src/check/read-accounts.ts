// The passwd and group files, as `check --user NAME` needs them: the named user's uid, gid and
// home, and the groups that list the user as a member. Only the files: users from LDAP or SSSD
// are not found (say so rather than guess).
import type { Host } from '../probe/host.js';

export interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** passwd and group files of hosts with many users are larger than a probe's usual read */
export const MAX_ACCOUNT_FILE_BYTES = 1024 * 1024;

/** `name:x:uid:gid:gecos:home:shell` lines; NAME may also be a numeric uid. */
export function findAccount(passwd: string, name: string): Account | undefined {
  const byUid = /^\d{1,10}$/.test(name);
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 7) continue;
    const [user = '', , uid = '', gid = '', , home = ''] = fields;
    if (!/^\d{1,10}$/.test(uid) || !/^\d{1,10}$/.test(gid)) continue;
    if (user === name || (byUid && uid === name))
      return { name: user, uid: Number(uid), gid: Number(gid), home };
  }
  return undefined;
}

/** The gids of `group:x:gid:member,member` lines that list `name`, after the primary gid. */
export function findGroups(group: string, name: string, primary: number | undefined): number[] {
  const gids = primary === undefined ? [] : [primary];
  for (const line of group.split('\n')) {
    const [, , gid = '', members = ''] = line.split(':');
    if (!/^\d{1,10}$/.test(gid)) continue;
    if (members.split(',').some((member) => member.trim() === name) && !gids.includes(Number(gid)))
      gids.push(Number(gid));
  }
  return gids;
}

export async function readAccountFile(
  host: Host,
  path: '/etc/passwd' | '/etc/group',
): Promise<{ text: string } | { problem: string }> {
  const read = await host.readFile(path, { maxBytes: MAX_ACCOUNT_FILE_BYTES });
  if (read.status === 'ok') return { text: read.text };
  return {
    problem: read.status === 'absent' ? `${path} does not exist` : `${path}: ${read.reason}`,
  };
}
