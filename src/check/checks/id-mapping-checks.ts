// Mapping ids into the namespace: the user's ranges in /etc/subuid and /etc/subgid (65536 ids is
// what images assume: uid 65534 `nobody` must map), and the privileged helpers that write them.
import type { Check } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeSubid } from '../../probe/kinds/subid.js';
import { observeBinary } from '../../probe/kinds/binary.js';

export const MIN_SUBID_RANGE = 65536;

function subidCheck(file: '/etc/subuid' | '/etc/subgid'): Check {
  const kind = file === '/etc/subuid' ? 'uid' : 'gid';
  return {
    id: `sub${kind}-range`,
    label: `sub${kind} range ≥ ${MIN_SUBID_RANGE}`,
    entry: 'subuid-range-missing',
    requires: ['non-root'],
    async run({ host }) {
      const seen = await observeSubid({ file }, host);
      if (seen.state === 'unknown') return warn(seen.evidence);
      if (seen.state === 'absent') return fail(seen.evidence);
      if (Number(seen.value) < MIN_SUBID_RANGE)
        return fail(seen.evidence, 'subuid-range-too-small');
      return pass(seen.evidence);
    },
  };
}

function idMapHelperCheck(name: 'newuidmap' | 'newgidmap'): Check {
  return {
    id: name,
    label: `${name} privileged`,
    entry: 'newuidmap-missing',
    async run({ host, commandTimeoutMs }) {
      const seen = await observeBinary({ name, confirms: { privileged: true } }, host, {
        timeoutMs: commandTimeoutMs,
      });
      if (seen.state === 'unknown') return warn(seen.evidence);
      if (seen.state === 'absent') return fail(seen.evidence);
      const privileged = seen.facts?.privileged;
      if (privileged === undefined) return warn(seen.evidence, 'newuidmap-not-privileged');
      return privileged ? pass(seen.evidence) : fail(seen.evidence, 'newuidmap-not-privileged');
    },
  };
}

export const subuidCheck = subidCheck('/etc/subuid');
export const subgidCheck = subidCheck('/etc/subgid');
export const newuidmapCheck = idMapHelperCheck('newuidmap');
export const newgidmapCheck = idMapHelperCheck('newgidmap');
