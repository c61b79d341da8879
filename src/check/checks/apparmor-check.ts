// Ubuntu 23.10+ restricts unprivileged user namespaces through AppArmor: rootlesskit may create
// one only if a profile with `userns` covers its path. Ubuntu's upstream profile (`rootlesskit`,
// or `usr.bin.rootlesskit` in Docker's packages) covers /usr/bin/rootlesskit only; any other
// path needs its own profile, by convention named after the path (`home.alice.bin.rootlesskit`).
import type { Check } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeSysctl } from '../../probe/kinds/sysctl.js';

const PACKAGED_PATH = '/usr/bin/rootlesskit';

export function profileCandidates(rootlesskitPath: string): string[] {
  const named = rootlesskitPath.replace(/^\//, '').replace(/\//g, '.');
  const candidates = [`/etc/apparmor.d/${named}`];
  if (rootlesskitPath === PACKAGED_PATH) candidates.push('/etc/apparmor.d/rootlesskit');
  return candidates;
}

export const apparmorUsernsCheck: Check = {
  id: 'apparmor-userns',
  label: 'AppArmor userns restriction',
  entry: 'apparmor-userns-restriction',
  async run({ host }) {
    const seen = await observeSysctl({ key: 'kernel.apparmor_restrict_unprivileged_userns' }, host);
    if (seen.state === 'unknown') return warn(seen.evidence);
    if (seen.state === 'absent')
      return pass('kernel.apparmor_restrict_unprivileged_userns not present');
    if (seen.value !== '1')
      return pass(`kernel.apparmor_restrict_unprivileged_userns = ${seen.value}`);
    const restricted = 'kernel.apparmor_restrict_unprivileged_userns = 1';
    const rootlesskit = await host.which('rootlesskit');
    if (rootlesskit === undefined) {
      return warn(`${restricted}; rootlesskit not on PATH yet: it will need an AppArmor profile`);
    }
    for (const profile of profileCandidates(rootlesskit)) {
      const found = await host.stat(profile);
      if (found.status === 'ok') return pass(`${restricted}; ${profile} covers ${rootlesskit}`);
    }
    return fail(
      `${restricted}; no profile for ${rootlesskit} (${profileCandidates(rootlesskit).join(', ')})`,
    );
  },
};
