// Every command a KB probe runs is exactly the argv written in the KB (with only the host's own
// $USER/$UID/$HOME/$XDG_RUNTIME_DIR filled in), and passes the allowlist. The probe runner's only
// input is the entry, so no log text can reach a command; this pins it for the real KB.
import { describe, expect, it } from 'vitest';
import type { CompiledEntry, ProbeSpec } from '../../src/kb/types.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { readKbDir } from '../../src/kb/read-kb-dir.js';
import { createProbeRunner } from '../../src/probe/create-probe-runner.js';
import { refuseCommand } from '../../src/probe/kinds/command-allowlist.js';
import { createFakeHost } from './fake-host.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';

const ENV = { HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000' };
const VALUES: Record<string, string> = {
  HOME: '/home/alice',
  XDG_RUNTIME_DIR: '/run/user/1000',
  USER: 'alice',
  UID: '1000',
};

function expectedArgv(spec: ProbeSpec): string[] | undefined {
  if (spec.kind === 'service') {
    return spec.scope === 'user'
      ? ['systemctl', '--user', 'is-active', spec.unit]
      : ['systemctl', 'is-active', spec.unit];
  }
  if (spec.kind !== 'command') return undefined;
  return spec.argv.map((arg) =>
    arg.replace(
      /\$\{?(HOME|XDG_RUNTIME_DIR|USER|UID)\}?/g,
      (_m, name: string) => VALUES[name] ?? '',
    ),
  );
}

async function loadEntries(): Promise<CompiledEntry[]> {
  const files = await readKbDir('kb', process.cwd());
  return compileKb(files, {
    normalize: (line) => line,
    checkSafety: false,
    probeKinds: PROBE_KINDS,
  }).ruleSet.entries;
}

describe('commands run by KB probes', async () => {
  const entries = await loadEntries();
  const withCommands = entries.filter((e) => e.probes.some((p) => expectedArgv(p) !== undefined));

  it('the KB has command probes to check', () => {
    expect(withCommands.length).toBeGreaterThan(0);
  });

  it.each(withCommands.map((e) => [e.id, e] as const))(
    '%s: argv equals the KB spec',
    async (_id, entry) => {
      // No binary probe here: those may run getcap, which is the probe kind's own command, not the KB's.
      const commandProbes = entry.probes.filter((p) => expectedArgv(p) !== undefined);
      const host = createFakeHost({ env: ENV });
      await createProbeRunner(host)({ ...entry, probes: commandProbes });
      const expected = commandProbes.map((p) => expectedArgv(p));
      expect([...host.ran].sort()).toEqual([...expected].sort());
    },
  );

  it.each(
    entries.flatMap((e) =>
      e.probes.filter((p) => p.kind === 'command').map((p) => [`${e.id}/${p.id}`, p] as const),
    ),
  )('%s is allowed to run', (_name, spec) => {
    expect(refuseCommand(expectedArgv(spec) ?? [])).toBeUndefined();
  });
});
