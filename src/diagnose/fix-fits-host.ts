// Fixes fit the host: a command that drives systemd (systemctl, loginctl, machinectl, journalctl
// of the user journal) is no fix on a host whose init is not systemd. Used by pipe mode, the TUI
// and `check` alike, so every surface offers the same fixes.

/** What is known of the host that decides which fixes fit it. */
export interface HostFacts {
  /** false: systemd is not PID 1; undefined: not known (every fix is kept) */
  systemd?: boolean | undefined;
}

const SYSTEMD_TOOLS = /\b(?:systemctl|loginctl|machinectl|journalctl)\b/;

export function fixFitsHost(fix: { command?: string | undefined }, facts: HostFacts): boolean {
  return facts.systemd !== false || !SYSTEMD_TOOLS.test(fix.command ?? '');
}
