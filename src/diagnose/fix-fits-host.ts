// Fixes fit the host: a command that drives systemd (systemctl, loginctl, machinectl, journalctl
// of the user journal) is no fix on a host whose init is not systemd, and installing Docker's
// docker-ce packages is none on a host whose Docker is Debian's docker.io (they conflict). Used by
// pipe mode, the TUI and `check` alike, so every surface offers the same fixes.

/** What is known of the host that decides which fixes fit it. */
export interface HostFacts {
  /** false: systemd is not PID 1; undefined: not known (every fix is kept) */
  systemd?: boolean | undefined;
  /** Docker is Debian's `docker.io`, which Docker's `docker-ce*` packages conflict with */
  debianDockerIo?: boolean | undefined;
}

const SYSTEMD_TOOLS = /\b(?:systemctl|loginctl|machinectl|journalctl)\b/;

/** Installing Docker's own packages (docker-ce, docker-ce-rootless-extras). */
const DOCKER_CE_PACKAGES = /\bdocker-ce(?:-cli|-rootless-extras)?\b/;

export function fixFitsHost(
  fix: { command?: string | undefined; systemd?: boolean | undefined },
  facts: HostFacts,
): boolean {
  const command = fix.command ?? '';
  if (facts.systemd === false && (fix.systemd === true || SYSTEMD_TOOLS.test(command)))
    return false;
  return !(facts.debianDockerIo === true && DOCKER_CE_PACKAGES.test(command));
}
