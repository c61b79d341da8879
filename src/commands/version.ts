// `rootless-doctor --version` and `rootless-doctor version`: the package's version.
import { readFileSync } from 'node:fs';
import { ExitCode } from '../exit-codes.js';
import type { CommandIO } from './types.js';

export function runVersion(io: Pick<CommandIO, 'stdout'>): ExitCode {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  io.stdout.write(`${String(pkg.version)}\n`);
  return ExitCode.ok;
}
