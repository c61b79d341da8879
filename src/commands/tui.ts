// `rootless-doctor` with a terminal on stdin, or `rootless-doctor tui`: the interactive view.
// Ink and React are loaded here by dynamic import, so no other command pays for them. This file
// owns the terminal modes the app relies on: bracketed paste is switched on before the first frame
// and off again however the app ends (Ink itself restores raw mode and the cursor).
import { ExitCode } from '../exit-codes.js';
import type { CompiledEntry, RuleSet } from '../kb/types.js';
import type { ProbeResult } from '../probe/types.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export interface TuiDeps {
  ruleSet: RuleSet;
  /** confirms or rules out each diagnosed entry on this host; built here when absent */
  probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
}

export async function runTui(
  options: GlobalOptions,
  io: CommandIO,
  deps: TuiDeps,
): Promise<ExitCode> {
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    io.stderr.write(
      'rootless-doctor: the interactive view needs a terminal on stdin and stdout; ' +
        "to diagnose a log, pipe it in: 'dockerd-rootless.sh 2>&1 | rootless-doctor'\n",
    );
    return ExitCode.usage;
  }
  if (options.json) {
    io.stderr.write('rootless-doctor: `--json` does not apply to the interactive view\n');
    return ExitCode.usage;
  }
  // Raw mode and bracketed paste from the start: a paste made while Ink loads (most of the
  // start-up) then waits in the terminal unechoed and arrives marked as a paste, not as keys.
  const stdin = io.stdin as NodeJS.ReadStream;
  stdin.setRawMode(true);
  io.stdout.write(BRACKETED_PASTE_ON);
  try {
    const [{ renderApp }, probing] = await Promise.all([
      import('../ui/render-app.js'),
      deps.probe
        ? { probe: deps.probe }
        : options.probe
          ? import('./create-host-probing.js').then((module) =>
              module.createHostProbing(options, io),
            )
          : undefined,
    ]);
    await renderApp({ ruleSet: deps.ruleSet, options, probing, io });
  } finally {
    io.stdout.write(BRACKETED_PASTE_OFF);
    stdin.setRawMode(false);
  }
  return ExitCode.ok;
}
