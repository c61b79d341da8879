// Every check `rootless-doctor check` runs, in the order they are printed: who and where, then
// the kernel, id mapping, session, cgroups, devices, the programs, network, and the client. All of
// them run at once.
import type { Check } from './types.js';
import { outsideContainerCheck, unprivilegedUserCheck } from './checks/environment-checks.js';
import { maxUserNamespacesCheck, usernsCloneCheck } from './checks/userns-checks.js';
import { apparmorUsernsCheck } from './checks/apparmor-check.js';
import {
  newgidmapCheck,
  newuidmapCheck,
  subgidCheck,
  subuidCheck,
} from './checks/id-mapping-checks.js';
import {
  lingerCheck,
  systemdUserSessionCheck,
  xdgRuntimeDirCheck,
} from './checks/session-checks.js';
import { cgroupDelegationCheck, cgroupV2Check } from './checks/cgroup-checks.js';
import { fuseDeviceCheck, tunDeviceCheck } from './checks/device-checks.js';
import { dockerdCheck, rootlessScriptCheck, rootlesskitCheck } from './checks/install-checks.js';
import {
  iptablesCheck,
  networkDriverCheck,
  pingGroupRangeCheck,
  unprivilegedPortCheck,
} from './checks/network-checks.js';
import { dockerHostCheck, rootfulSocketCheck } from './checks/client-checks.js';

export const CHECK_LIST: readonly Check[] = [
  unprivilegedUserCheck,
  outsideContainerCheck,
  usernsCloneCheck,
  maxUserNamespacesCheck,
  apparmorUsernsCheck,
  subuidCheck,
  subgidCheck,
  newuidmapCheck,
  newgidmapCheck,
  xdgRuntimeDirCheck,
  systemdUserSessionCheck,
  lingerCheck,
  cgroupV2Check,
  cgroupDelegationCheck,
  tunDeviceCheck,
  fuseDeviceCheck,
  rootlesskitCheck,
  dockerdCheck,
  rootlessScriptCheck,
  networkDriverCheck,
  iptablesCheck,
  unprivilegedPortCheck,
  pingGroupRangeCheck,
  rootfulSocketCheck,
  dockerHostCheck,
];
