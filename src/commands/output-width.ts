// How wide text output may be. `show` and `search` lay text out for the terminal's width, or a
// fixed 80 columns for pipes and files (where the output must not depend on the terminal the
// command happened to run in); pipe text and `check` wrap only on a terminal.
import type { CommandIO } from '../command-io.js';

export const DEFAULT_WIDTH = 80;

/**
 * The terminal's width for text that wraps only on a terminal (pipe text, `check`); undefined for
 * pipes and files, so that logs and greps keep whole lines.
 */
export function terminalWidth(stdout: CommandIO['stdout']): number | undefined {
  return stdout.isTTY && stdout.columns ? stdout.columns : undefined;
}

export function outputWidth(stdout: CommandIO['stdout']): number {
  return stdout.isTTY && stdout.columns ? stdout.columns : DEFAULT_WIDTH;
}
