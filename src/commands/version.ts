// `rootless-doctor --version` and `rootless-doctor version`: the package's version.
import { readFileSync } from 'node:fs';
import { ExitCode } from '../exit-codes.js';
import { inSingleExecutable, readSeaAsset } from './sea-assets.js';
import type { CommandIO } from '../command-io.js';

export async function runVersion(io: Pick<CommandIO, 'stdout'>): Promise<ExitCode> {
  const text = inSingleExecutable()
    ? await readSeaAsset('package.json')
    : readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  io.stdout.write(`${String(JSON.parse(text).version)}\n`);
  return ExitCode.ok;
}
