// The options every command understands, from the parsed command line and the environment:
// `--ignore a,b --ignore c` as one list, colour from --no-color, NO_COLOR, FORCE_COLOR and whether
// stdout is a terminal, and --host-root checked before any probe runs.
import { checkHostRoot } from './check-host-root.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

export interface OptionValues {
  json: boolean;
  'no-probe': boolean;
  ignore: string[];
  'no-color': boolean;
  'host-root'?: string;
}

/** The options, or why they cannot be used (a --host-root that is not a root file system). */
export function toGlobalOptions(
  values: OptionValues,
  io: Pick<CommandIO, 'env' | 'stdout'>,
): { options: GlobalOptions } | { problem: string } {
  const options: GlobalOptions = {
    json: values.json,
    probe: !values['no-probe'],
    ignore: values.ignore.flatMap((list) => list.split(',').map((id) => id.trim())).filter(Boolean),
    color: resolveColor(values['no-color'], io),
  };
  const hostRoot = values['host-root'];
  if (hostRoot !== undefined) {
    const problem = checkHostRoot(hostRoot);
    if (problem !== undefined) return { problem };
    options.hostRoot = hostRoot;
  }
  return { options };
}

export function resolveColor(noColor: boolean, io: Pick<CommandIO, 'env' | 'stdout'>): boolean {
  if (noColor || (io.env.NO_COLOR ?? '') !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true;
}
