// Devices the rootless daemon opens as the user: /dev/net/tun for the tap device of slirp4netns,
// pasta and vpnkit (without it the network cannot be set up), and /dev/fuse for fuse-overlayfs
// (only needed where overlay2 cannot be used rootless, so a missing one is a warning). Devices
// are only looked at, never opened: the mode, owner and the user's groups say who may open them.
import type { FilledFix } from '../../diagnose/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { formatMode, modeAllows } from '../file-access.js';

interface DeviceSpec {
  path: string;
  /** what a user who cannot use it gets: fail for the network, warn for FUSE */
  severity: 'fail' | 'warn';
  entry: string;
  /** said when a user cannot use it */
  purpose: string;
}

function who(context: CheckContext): string {
  const { name, uid } = context.host.user;
  return name ?? `uid ${uid}`;
}

async function checkDevice(context: CheckContext, spec: DeviceSpec): Promise<CheckOutcome> {
  const bad = (evidence: string, fix?: FilledFix) =>
    spec.severity === 'fail'
      ? fail(`${evidence}${spec.purpose}`, undefined, fix)
      : warn(`${evidence}${spec.purpose}`, spec.entry);
  const { host } = context;
  const found = await host.stat(spec.path);
  if (found.status === 'absent') return bad(`${spec.path} does not exist`);
  if (found.status === 'error') return warn(`${spec.path}: ${found.reason}`);
  const { info } = found;
  const seen = `${spec.path} ${formatMode(info)} owner ${info.uid} group ${info.gid}`;
  if (info.kind !== 'character-device')
    return bad(`${seen}: a ${info.kind.replace('-', ' ')}, not a character device`);
  const uid = host.user.uid;
  if (uid === 0) {
    // root may open anything; whether the user who will run the daemon may is the question
    const everyone = (info.mode & 0o6) === 0o6;
    return everyone
      ? pass(`${seen}: every user may read and write it`)
      : warn(`${seen}: root may open it, a user not in group ${info.gid} may not`, spec.entry);
  }
  const accessor = { uid, groups: context.groups };
  const readable = modeAllows(info, accessor, 'read');
  // access(2) answers for the user running check; for another user the view judges the mode
  const writable = (await host.isWritable(spec.path)) ?? modeAllows(info, accessor, 'write');
  if (readable === true && writable === true)
    return pass(`${seen}: ${who(context)} may read and write it`);
  if (readable === undefined || writable === undefined)
    return warn(`${seen}: cannot tell whether ${who(context)} may open it`, spec.entry);
  return bad(`${seen}: ${who(context)} may not read and write it`, {
    text: 'Let ordinary users open it, as distributions do (mode 0666); in a container, the runtime that creates the device decides its mode.',
    command: `sudo chmod 0666 ${spec.path}`,
    root: true,
  });
}

export const tunDeviceCheck: Check = {
  id: 'tun-device',
  label: '/dev/net/tun usable',
  entry: 'tap-device-setup-failed',
  run: (context) =>
    checkDevice(context, {
      path: '/dev/net/tun',
      severity: 'fail',
      entry: 'tap-device-setup-failed',
      purpose: '',
    }),
};

export const fuseDeviceCheck: Check = {
  id: 'fuse-device',
  label: '/dev/fuse usable',
  entry: 'fuse-device-missing',
  run: (context) =>
    checkDevice(context, {
      path: '/dev/fuse',
      severity: 'warn',
      entry: 'fuse-device-missing',
      purpose: ' (only fuse-overlayfs needs it)',
    }),
};
