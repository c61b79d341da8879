// Which init system the host runs: systemd or not. Fixes that drive systemd (systemctl, loginctl)
// do not fit a host without it, and checks that need systemd do not apply there.
import type { Host } from './host.js';
import { excerpt } from './sanitize-evidence.js';

export interface InitSystem {
  /** PID 1's command name, when it could be read */
  pid1: string | undefined;
  /** undefined when PID 1 could not be read and /run/systemd/system does not exist */
  systemd: boolean | undefined;
}

/**
 * systemd is PID 1 when /proc/1/comm says so, or when /run/systemd/system exists (systemd's own
 * test, sd_booted(), for a PID 1 started under another name). A PID 1 that cannot be read and no
 * such directory leave it unknown: the systemd checks then run and say what they see.
 */
export async function observeInit(host: Host): Promise<InitSystem> {
  const comm = await host.readFile('/proc/1/comm', { maxBytes: 256 });
  const pid1 = comm.status === 'ok' ? excerpt(comm.text.trim(), 30) || undefined : undefined;
  if (pid1 === 'systemd') return { pid1, systemd: true };
  const booted = await host.stat('/run/systemd/system');
  if (booted.status === 'ok' && booted.info.kind === 'directory') return { pid1, systemd: true };
  return { pid1, systemd: pid1 === undefined ? undefined : false };
}
