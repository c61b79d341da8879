// Mounts the app on the command's streams and resolves when it has exited. Ctrl-C is the app's to
// handle (Ink's own handler would exit without clearing the live area); SIGTERM unmounts it.
import { render } from 'ink';
import type { RuleSet } from '../kb/types.js';
import type { HostProbing } from '../diagnose/host-probing.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';
import { App } from './app.js';
import { toOsc52 } from './osc52.js';

export interface RenderAppOptions {
  ruleSet: RuleSet;
  options: GlobalOptions;
  /** the host side of diagnoses; absent with --no-probe */
  probing?: Partial<HostProbing> | undefined;
  io: CommandIO;
}

export async function renderApp({
  ruleSet,
  options,
  probing,
  io,
}: RenderAppOptions): Promise<void> {
  const instance = render(
    <App
      entries={ruleSet.entries}
      prefilter={ruleSet.prefilter}
      ignore={options.ignore}
      color={options.color}
      probing={probing}
      copy={(text) => io.stdout.write(toOsc52(text))}
    />,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const stop = () => instance.unmount();
  io.signal.addEventListener('abort', stop, { once: true });
  try {
    await instance.waitUntilExit();
  } finally {
    io.signal.removeEventListener('abort', stop);
  }
}
