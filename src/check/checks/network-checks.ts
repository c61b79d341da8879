// Networking of the rootless daemon: a user-mode network driver that the installed RootlessKit
// supports, iptables for the bridge's NAT, and the two sysctls that decide which ports can be
// published and whether containers may ping.
import type { Version } from '../../kb/version-range.js';
import { compareVersions } from '../../kb/version-range.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import type { Program } from '../find-program.js';
import { describeProgram, findProgram } from '../find-program.js';
import { observeSysctl } from '../../probe/kinds/sysctl.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../../probe/types.js';
import { excerpt } from '../../probe/sanitize-evidence.js';

const DRIVERS = ['slirp4netns', 'pasta', 'vpnkit'] as const;
type Driver = (typeof DRIVERS)[number];

/** RootlessKit gained the pasta driver in 2.0 (Docker 25) and a built-in one (gvisor-tap-vsock) in 3.0. */
const PASTA_SINCE: Version = [2, 0, 0];
const BUILT_IN_SINCE: Version = [3, 0, 0];
/** older slirp4netns lacks --netns-type, which RootlessKit needs */
const SLIRP4NETNS_MIN: Version = [0, 4, 0];

const atLeast = (version: Version | undefined, bound: Version) =>
  version !== undefined && compareVersions(version, bound) >= 0;

function rootlesskitName(rootlesskit: Program | undefined): string {
  return rootlesskit?.shownVersion === undefined
    ? 'RootlessKit'
    : `RootlessKit ${rootlesskit.shownVersion}`;
}

/** Why this driver cannot be used with this RootlessKit, or undefined when it can. */
function unusable(driver: Program, rootlesskit: Version | undefined): string | undefined {
  if (driver.name === 'pasta' && rootlesskit !== undefined && !atLeast(rootlesskit, PASTA_SINCE))
    return 'pasta needs RootlessKit 2.0 or later';
  if (
    driver.name === 'slirp4netns' &&
    driver.version !== undefined &&
    !atLeast(driver.version, SLIRP4NETNS_MIN)
  )
    return `slirp4netns ${driver.shownVersion ?? ''} is older than 0.4.0`;
  return undefined;
}

/** The launcher honours DOCKERD_ROOTLESS_ROOTLESSKIT_NET; only your own environment shows it. */
async function forcedDriver(
  context: CheckContext,
  forced: string,
  rootlesskit: Program | undefined,
): Promise<CheckOutcome> {
  const shown = `DOCKERD_ROOTLESS_ROOTLESSKIT_NET=${excerpt(forced, 40)}`;
  const kit = rootlesskit?.version;
  if (forced === 'gvisor-tap-vsock') {
    if (kit !== undefined && !atLeast(kit, BUILT_IN_SINCE))
      return fail(
        `${shown}, but ${rootlesskitName(rootlesskit)} has no such driver (3.0 or later)`,
        'network-driver-unsupported-by-rootlesskit',
      );
    return pass(`${shown} (built into ${rootlesskitName(rootlesskit)})`);
  }
  if (!(DRIVERS as readonly string[]).includes(forced)) return warn(`${shown}: not checked`);
  const driver = await findProgram(context, forced as Driver);
  if (driver === undefined)
    return fail(`${shown}, but ${forced} is not on PATH`, 'network-binary-missing-or-old');
  const problem = unusable(driver, kit);
  if (problem !== undefined) {
    const entry =
      driver.name === 'pasta'
        ? 'network-driver-unsupported-by-rootlesskit'
        : 'network-binary-missing-or-old';
    return fail(`${shown}, but ${problem} (${rootlesskitName(rootlesskit)} here)`, entry);
  }
  return pass(`${shown}; ${describeProgram(driver)}`);
}

export const networkDriverCheck: Check = {
  id: 'network-driver',
  label: 'network driver for RootlessKit',
  entry: 'network-binary-missing-or-old',
  async run(context) {
    // asked at once: each may take up to the command bound to answer --version
    const [rootlesskit, ...drivers] = await Promise.all([
      findProgram(context, 'rootlesskit'),
      ...DRIVERS.map((name) => findProgram(context, name)),
    ]);
    const forced =
      context.subject === 'self' ? context.host.env('DOCKERD_ROOTLESS_ROOTLESSKIT_NET') : undefined;
    if (forced !== undefined && forced !== '') return forcedDriver(context, forced, rootlesskit);
    const kit = rootlesskit?.version;
    const kitName = rootlesskitName(rootlesskit);
    const found = drivers.filter((driver): driver is Program => driver !== undefined);
    const usable = found.filter((driver) => unusable(driver, kit) === undefined);
    const problems = found.flatMap((driver) => unusable(driver, kit) ?? []);
    const kitNote =
      rootlesskit === undefined
        ? 'RootlessKit not found'
        : kit === undefined
          ? 'RootlessKit version not known'
          : kitName;
    if (usable.length > 0) return pass(`${usable.map(describeProgram).join(', ')} (${kitNote})`);
    if (atLeast(kit, BUILT_IN_SINCE))
      return pass(`no slirp4netns, pasta or vpnkit: ${kitName} uses its built-in gvisor-tap-vsock`);
    // the launcher of such a RootlessKit does not know pasta: it asks for slirp4netns or vpnkit
    if (problems.length > 0) return fail(`${problems.join('; ')} (${kitNote} here)`);
    if (kit === undefined)
      return warn(
        `neither slirp4netns, pasta nor vpnkit on PATH (${kitNote}; RootlessKit 3.0 or later has a built-in driver)`,
      );
    const needed = atLeast(kit, PASTA_SINCE)
      ? 'slirp4netns, pasta or vpnkit'
      : 'slirp4netns or vpnkit';
    return fail(`none of ${needed} on PATH: ${kitName} needs one`);
  },
};

/** Docker 29 can drive nftables directly (`"firewall-backend": "nftables"` in daemon.json). */
const NFTABLES_BACKEND_SINCE: Version = [29, 0, 0];

export const iptablesCheck: Check = {
  id: 'iptables',
  label: 'iptables or nftables',
  entry: 'iptables-nat-unavailable',
  async run(context) {
    const { host, commandTimeoutMs } = context;
    const iptables = await findProgram(context, 'iptables');
    if (iptables !== undefined) {
      const outcome = await host.run([iptables.path, '--version'], {
        timeoutMs: commandTimeoutMs,
        maxBytes: MAX_COMMAND_OUTPUT_BYTES,
      });
      const version = outcome.status === 'completed' ? outcome.stdout.trim() : '';
      return pass(
        version === ''
          ? `iptables at ${iptables.path}`
          : `${excerpt(version, 60)} at ${iptables.path}`,
      );
    }
    const nft = await findProgram(context, 'nft');
    if (nft === undefined) return fail('neither iptables nor nft found');
    const dockerd = await findProgram(context, 'dockerd');
    const docker =
      dockerd?.shownVersion === undefined ? 'dockerd' : `dockerd ${dockerd.shownVersion}`;
    const backend = '"firewall-backend": "nftables"';
    if (dockerd?.version !== undefined && !atLeast(dockerd.version, NFTABLES_BACKEND_SINCE))
      return warn(
        `no iptables, only nft at ${nft.path}: ${docker} needs iptables (${backend} came with Docker 29)`,
      );
    return warn(
      `no iptables, only nft at ${nft.path}: ${docker} needs iptables unless it is Docker 29 or later with ${backend} in daemon.json`,
    );
  },
};

export const unprivilegedPortCheck: Check = {
  id: 'unprivileged-port-start',
  label: 'unprivileged port start',
  entry: 'privileged-port-not-allowed',
  async run({ host }) {
    const seen = await observeSysctl({ key: 'net.ipv4.ip_unprivileged_port_start' }, host);
    if (seen.state !== 'present') return warn(seen.evidence);
    const start = Number(seen.value);
    const shown = `net.ipv4.ip_unprivileged_port_start = ${seen.value}`;
    if (!Number.isInteger(start)) return warn(shown);
    return start < 1024 ? pass(shown) : warn(`${shown}: publishing ports below ${start} fails`);
  },
};

export const pingGroupRangeCheck: Check = {
  id: 'ping-group-range',
  label: 'ping group range',
  entry: 'ping-group-range-restricted',
  async run({ host }) {
    const seen = await observeSysctl({ key: 'net.ipv4.ping_group_range' }, host);
    if (seen.state !== 'present') return warn(seen.evidence);
    const [low, high] = seen.value.split(' ').map(Number);
    const shown = `net.ipv4.ping_group_range = ${seen.value}`;
    if (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high))
      return warn(shown);
    const gid = host.user.gid;
    if (low > high) return warn(`${shown}: ping from containers is disabled`);
    if (gid !== undefined && (gid < low || gid > high))
      return warn(`${shown}: your gid ${gid} is outside it`);
    return pass(shown);
  },
};
