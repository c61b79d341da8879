// User namespaces: the kernel must allow unprivileged ones (Debian's switch, Ubuntu's AppArmor
// restriction) and must not cap them at zero.
import type { Check } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeSysctl } from '../../probe/kinds/sysctl.js';
import { firstInteger } from '../../probe/judge-observation.js';

export const usernsCloneCheck: Check = {
  id: 'userns-clone',
  label: 'user namespaces allowed',
  entry: 'userns-clone-disabled',
  async run({ host }) {
    const seen = await observeSysctl({ key: 'kernel.unprivileged_userns_clone' }, host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    // Only Debian-patched kernels (and old Arch) have the switch; without it nothing is blocked here.
    if (seen.state === 'absent')
      return pass('kernel.unprivileged_userns_clone not present (no such switch)');
    if (seen.value === '0') return fail('kernel.unprivileged_userns_clone = 0');
    return pass(`kernel.unprivileged_userns_clone = ${seen.value}`);
  },
};

/** RootlessKit warns below this; nested tools (BuildKit, kind) use up a small limit. */
const LOW_USERNS_LIMIT = 1024;

export const maxUserNamespacesCheck: Check = {
  id: 'max-user-namespaces',
  label: 'user namespace limit',
  entry: 'max-user-namespaces-too-low',
  async run({ host }) {
    const seen = await observeSysctl({ key: 'user.max_user_namespaces' }, host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    if (seen.state === 'absent')
      return fail('/proc/sys/user/max_user_namespaces missing: kernel without user namespaces');
    const limit = firstInteger(seen.value);
    const shown = `user.max_user_namespaces = ${seen.value}`;
    if (limit === undefined) return warn(shown);
    if (limit === 0) return fail(shown);
    if (limit < LOW_USERNS_LIMIT) return warn(`${shown} (below ${LOW_USERNS_LIMIT})`);
    return pass(shown);
  },
};
