// Whether Docker came from Debian's own `docker.io` package: Docker's `docker-ce*` packages
// conflict with it, so fixes that install them do not fit such a host. Asked of dpkg (read-only,
// on the probe allowlist, bounded); any other answer leaves it unknown.
import type { Host } from './host.js';
import { MAX_COMMAND_OUTPUT_BYTES } from './types.js';

export async function observeDebianDockerIo(
  host: Host,
  timeoutMs = 1000,
): Promise<boolean | undefined> {
  const outcome = await host.run(['dpkg', '-s', 'docker.io'], {
    timeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  if (outcome.status !== 'completed') return undefined;
  if (/^Status: install ok installed$/m.test(outcome.stdout)) return true;
  // dpkg answers "package 'docker.io' is not installed" on stderr with exit 1
  return outcome.exitCode === 1 ? false : undefined;
}
