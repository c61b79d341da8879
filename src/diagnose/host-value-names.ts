// Which host values (src/kb/host-values.ts) an entry's fix commands name, so that only those are
// computed, and only for entries that need one.
import type { CompiledEntry } from '../kb/types.js';
import { isHostValue } from '../kb/host-values.js';

/** The host values an entry's fix commands name (cached per entry: fixes never change). */
const hostValueNamesOf = new WeakMap<CompiledEntry, ReadonlySet<string>>();
export function hostValueNames(entry: CompiledEntry): ReadonlySet<string> {
  let names = hostValueNamesOf.get(entry);
  if (!names) {
    const found = entry.fixes.flatMap((fix) =>
      [...(fix.command ?? '').matchAll(/\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}/g)].map((m) => m[1]!),
    );
    names = new Set(found.filter(isHostValue));
    hostValueNamesOf.set(entry, names);
  }
  return names;
}
