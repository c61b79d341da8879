// Resource limits: rootless Docker can only limit containers on cgroup v2, and only with the
// controllers systemd delegated to the user's manager (dockerd reads its own cgroup's list).
import type { Check } from '../types.js';
import { fail, pass, skip, warn } from '../check-outcome.js';
import { observeFile } from '../../probe/kinds/file.js';

const UNIFIED_CONTROLLERS = '/sys/fs/cgroup/cgroup.controllers';
/** What `docker run --cpus/--memory/--device-write-bps/--pids-limit` need. */
export const NEEDED_CONTROLLERS = ['cpu', 'io', 'memory', 'pids'];

export const cgroupV2Check: Check = {
  id: 'cgroup-v2',
  label: 'cgroup v2',
  entry: 'cgroup-v1-limits-ignored',
  async run(context) {
    const seen = await observeFile({ path: UNIFIED_CONTROLLERS }, context.host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    if (seen.state === 'absent')
      return warn(`cgroup v1 (no ${UNIFIED_CONTROLLERS}): container limits are ignored`);
    if (context.init.systemd === false)
      return warn(
        `cgroup v2, but no systemd: the rootless daemon gets no cgroups and ignores limits`,
        'cgroup-v2-without-systemd',
      );
    return pass(`cgroup v2 (${UNIFIED_CONTROLLERS})`);
  },
};

export const cgroupDelegationCheck: Check = {
  id: 'cgroup-delegation',
  label: 'cgroup controllers delegated',
  entry: 'cgroup-controller-not-delegated',
  requires: ['systemd', 'non-root'],
  async run({ host }) {
    const uid = host.user.uid;
    if (uid === undefined) return warn('the current uid is not known');
    const path = `/sys/fs/cgroup/user.slice/user-${uid}.slice/user@${uid}.service/cgroup.controllers`;
    const seen = await observeFile({ path }, host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    if (seen.state === 'absent') {
      const unified = await observeFile({ path: UNIFIED_CONTROLLERS }, host);
      if (unified.state === 'absent') return skip('not applicable: needs cgroup v2');
      return warn(`${path} does not exist: no systemd user manager for uid ${uid}`);
    }
    const present = seen.value.trim().split(/\s+/);
    const missing = NEEDED_CONTROLLERS.filter((name) => !present.includes(name));
    const shown = `user@${uid}.service has ${present.join(' ') || 'none'}`;
    if (missing.length > 0) return fail(`${shown}; missing ${missing.join(', ')}`);
    return pass(shown);
  },
};
