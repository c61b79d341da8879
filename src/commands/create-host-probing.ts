// Everything that looks at the host for a diagnosis, made once per run from one Host: the probes
// of each entry, the values fixes name ({{free_subid_range}}) and the facts that decide which fixes
// fit (systemd or not). Pipe mode and the interactive view use the same, so they judge alike.
import type { HostFacts } from '../diagnose/fix-fits-host.js';
import type { HostProbing } from '../diagnose/host-probing.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

export async function createHostProbing(
  options: GlobalOptions,
  io: CommandIO,
): Promise<HostProbing> {
  const [
    { createProbeRunner },
    { createNodeHost },
    { computeHostValues },
    { observeInit },
    { observeDebianDockerIo },
  ] = await Promise.all([
    import('../probe/create-probe-runner.js'),
    import('../probe/node-host.js'),
    import('../probe/host-values.js'),
    import('../probe/observe-init.js'),
    import('../probe/observe-packaging.js'),
  ]);
  const host = createNodeHost({ root: options.hostRoot, env: io.env });
  let facts: Promise<HostFacts> | undefined;
  return {
    probe: createProbeRunner(host),
    hostValues: (names, captures) => computeHostValues(names, host, captures),
    hostFacts: () =>
      (facts ??= Promise.all([observeInit(host), observeDebianDockerIo(host)]).then(
        ([{ systemd }, debianDockerIo]) => ({ systemd, debianDockerIo }),
      )),
  };
}
