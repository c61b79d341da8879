// The built CLI over a fixed knowledge base, for outputs pinned line by line that must not change
// whenever someone edits kb/: a copy of dist/ whose kb.json is the given rule set, next to the
// project's package.json (ESM) and node_modules (a symlink), run like a user runs it.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RuleSet } from '../../src/kb/types.js';
import { NODE, type CliResult } from '../helpers/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface FixtureCli {
  run(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  remove(): Promise<void>;
}

export async function createFixtureCli(ruleSet: RuleSet): Promise<FixtureCli> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rootless-doctor-e2e-'));
  await cp(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
  await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'dist', 'kb.json'), `${JSON.stringify(ruleSet)}\n`);
  const cli = path.join(dir, 'dist', 'cli.js');
  return {
    run: (args, env = {}) => runNode(cli, args, env),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

function runNode(cli: string, args: readonly string[], env: Record<string, string>) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(NODE, [cli, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
