// `command` probes run an allowlisted argv (see command-allowlist.ts) without a shell, bounded in
// time and output. The argv is the KB's, with only host values ($USER, $UID, $HOME,
// $XDG_RUNTIME_DIR) filled in; nothing from the log can reach it. The value is the trimmed stdout.
// A command that fails without printing anything on stdout (e.g. `Failed to connect to bus`) read
// nothing, so the probe is unknown, except for an `exit` condition, whose value is the exit code.
import type { CommandProbe } from '../../kb/types.js';
import type { Host, RunOutcome } from '../host.js';
import type { Observation, ProbeOptions } from '../types.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../types.js';
import { expandHostVariables } from '../expand-host-variables.js';
import { excerpt } from '../sanitize-evidence.js';
import { refuseCommand } from './command-allowlist.js';
import type { ProbeKindModule } from '../probe-kind.js';

/** argv as a user would type it, for evidence. */
export function showArgv(argv: readonly string[]): string {
  return argv
    .map((arg) => (/^[A-Za-z0-9@%+=:,./_-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export function expandArgv(
  argv: readonly string[],
  host: Host,
): { argv: string[] } | { reason: string } {
  const expanded: string[] = [];
  for (const arg of argv) {
    const expansion = expandHostVariables(arg, host);
    if (!expansion.ok) return { reason: expansion.reason };
    expanded.push(expansion.text);
  }
  return { argv: expanded };
}

/** Turns a finished run into an observation; shared with `service` probes. */
export function observeRun(
  shown: string,
  outcome: RunOutcome,
  wantsExit: boolean,
  timeoutMs: number,
): Observation {
  if (outcome.status === 'failed')
    return { state: 'unknown', evidence: `${shown}: ${outcome.reason}` };
  if (outcome.status === 'timeout')
    return { state: 'unknown', evidence: `${shown}: no answer within ${timeoutMs} ms` };
  const stdout = outcome.stdout.trim();
  const exit = outcome.exitCode;
  const exitNote = exit === undefined ? 'output cut' : `exit ${exit}`;
  if (wantsExit) {
    if (exit === undefined)
      return { state: 'unknown', evidence: `${shown}: output cut before it exited` };
    return { state: 'present', value: stdout, evidence: `${shown}: ${exitNote}`, facts: { exit } };
  }
  if (stdout === '' && exit !== 0) {
    const stderr = outcome.stderr.trim();
    return {
      state: 'unknown',
      evidence: `${shown}: ${exitNote}${stderr === '' ? '' : `: ${excerpt(stderr)}`}`,
    };
  }
  const shownValue = stdout === '' ? 'no output' : excerpt(stdout);
  return {
    state: 'present',
    value: stdout,
    evidence: `${shown}: ${shownValue}`,
    facts: exit === undefined ? {} : { exit },
  };
}

export async function observeCommand(
  spec: Pick<CommandProbe, 'argv' | 'confirms'>,
  host: Host,
  options: ProbeOptions,
): Promise<Observation> {
  const written = showArgv(spec.argv);
  const expanded = expandArgv(spec.argv, host);
  if ('reason' in expanded) return { state: 'unknown', evidence: `${written}: ${expanded.reason}` };
  const refusal = refuseCommand(expanded.argv);
  if (refusal !== undefined)
    return { state: 'unknown', evidence: `${written}: refused, ${refusal}` };
  const outcome = await host.run(expanded.argv, {
    timeoutMs: options.timeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  return observeRun(
    showArgv(expanded.argv),
    outcome,
    spec.confirms.exit !== undefined,
    options.timeoutMs,
  );
}

export const commandKind: ProbeKindModule<CommandProbe> = {
  kind: 'command',
  fields: {
    argv: { shape: { type: 'array', items: { type: 'string' }, minItems: 1 }, required: true },
  },
  conditions: ['matches', 'equals', 'exit'],
  refuse: (spec) => {
    const argv = spec.argv;
    if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === 'string')) return undefined;
    const refusal = refuseCommand(argv);
    return refusal === undefined
      ? undefined
      : `command \`${argv.join(' ')}\`: ${refusal}, expected a read-only command on the probe allowlist (src/probe/kinds/command-allowlist.ts)`;
  },
  observe: (spec, host, options) => observeCommand(spec, host, options),
  target: (spec) => showArgv(spec.argv),
  describe: (spec) => `\`${spec.argv.join(' ')}\``,
};
