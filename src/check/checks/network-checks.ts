// Networking of the rootless daemon: a user-mode network driver, iptables for the bridge's NAT,
// and the two sysctls that decide which ports can be published and whether containers may ping.
import type { Host } from '../../probe/host.js';
import type { Check } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { observeSysctl } from '../../probe/kinds/sysctl.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../../probe/types.js';
import { excerpt } from '../../probe/sanitize-evidence.js';

export const networkDriverCheck: Check = {
  id: 'network-driver',
  label: 'slirp4netns or pasta',
  entry: 'network-binary-missing-or-old',
  async run({ host }) {
    const found: string[] = [];
    for (const name of ['slirp4netns', 'pasta']) {
      const path = await host.which(name);
      if (path !== undefined) found.push(`${name} at ${path}`);
    }
    if (found.length > 0) return pass(found.join(', '));
    // dockerd-rootless.sh falls back to RootlessKit's built-in gvisor-tap-vsock (RootlessKit ≥ 3)
    // or vpnkit, so this is a warning: it fails only where a driver is forced or RootlessKit is old.
    return warn('neither slirp4netns nor pasta on PATH: only the slower built-in driver is left');
  },
};

/** dockerd finds iptables in sbin even when the user's PATH lacks it. */
async function findInPathOrSbin(host: Host, name: string): Promise<string | undefined> {
  const onPath = await host.which(name);
  if (onPath !== undefined) return onPath;
  for (const dir of ['/usr/sbin', '/sbin']) {
    const stat = await host.stat(`${dir}/${name}`);
    if (stat.status === 'ok' && stat.info.kind === 'file') return `${dir}/${name}`;
  }
  return undefined;
}

export const iptablesCheck: Check = {
  id: 'iptables',
  label: 'iptables or nftables',
  entry: 'iptables-nat-unavailable',
  async run({ host, commandTimeoutMs }) {
    const iptables = await findInPathOrSbin(host, 'iptables');
    if (iptables !== undefined) {
      const outcome = await host.run([iptables, '--version'], {
        timeoutMs: commandTimeoutMs,
        maxBytes: MAX_COMMAND_OUTPUT_BYTES,
      });
      const version = outcome.status === 'completed' ? outcome.stdout.trim() : '';
      return pass(
        version === '' ? `iptables at ${iptables}` : `${excerpt(version, 60)} at ${iptables}`,
      );
    }
    const nft = await findInPathOrSbin(host, 'nft');
    if (nft !== undefined) return pass(`nft at ${nft}`);
    return fail('neither iptables nor nft found');
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
