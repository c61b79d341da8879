// How wide text output may be: the terminal's width, or a fixed 80 columns for pipes and files
// (where the output must not depend on the terminal the command happened to run in).
import type { CommandIO } from './types.js';

export const DEFAULT_WIDTH = 80;

export function outputWidth(stdout: CommandIO['stdout']): number {
  return stdout.isTTY && stdout.columns ? stdout.columns : DEFAULT_WIDTH;
}
