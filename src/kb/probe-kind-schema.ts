// What the KB compiler needs to know of a probe kind: the fields it takes, the conditions it
// understands, and any authoring rule of its own (the command allowlist). The kinds themselves
// live in src/probe/kinds/, one module each, listed in src/probe/probe-kinds.ts; the callers of the
// compiler pass that registry in, so this floor never imports the probe code.
import type { Fields } from './check-shape.js';

export interface ProbeKindSchema {
  /** target fields besides the common id, kind, confirms and otherwise */
  fields: Fields;
  /** the condition keys of `confirms` this kind can decide */
  conditions: readonly string[];
  /** why a probe of this kind may not run as written (e.g. a command off the allowlist) */
  refuse?(spec: Record<string, unknown>): string | undefined;
}

export type ProbeKindSchemas = Readonly<Record<string, ProbeKindSchema>>;
