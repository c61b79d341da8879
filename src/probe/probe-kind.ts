// The shape of one probe kind (src/probe/kinds/<kind>.ts): its KB schema, how it looks at the host,
// and how it names what it looks at. Adding a kind is one such module plus its line in
// probe-kinds.ts; the compiler, the runner, the reporters and the search all read it from there.
import type { ProbeSpec } from '../kb/types.js';
import type { ProbeKindSchema } from '../kb/probe-kind-schema.js';
import type { Host } from './host.js';
import type { Observation, ProbeOptions } from './types.js';

export interface ProbeKindModule<S extends ProbeSpec = ProbeSpec> extends ProbeKindSchema {
  kind: S['kind'];
  observe(spec: S, host: Host, options: ProbeOptions): Promise<Observation>;
  /** what it looks at, as a user would type it: `user.max_user_namespaces`, `systemctl --user …` */
  target(spec: S): string;
  /** for show and the TUI: `sysctl user.max_user_namespaces` */
  describe(spec: S): string;
}
