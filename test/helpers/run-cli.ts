// Runs the built CLI like a user would: a real process, NO_COLOR, a fixed environment.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

/**
 * The Node.js binary that runs the CLI in every test that spawns it: ROOTLESS_DOCTOR_TEST_NODE
 * when set (.ci/run sets it to run test/e2e on each supported Node), else the one running Vitest.
 */
export const NODE = process.env.ROOTLESS_DOCTOR_TEST_NODE || process.execPath;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], {
      cwd: options.cwd ?? path.resolve(import.meta.dirname, '../..'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/root',
        NO_COLOR: '1',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading all input
    child.stdin.end(options.input ?? '');
  });
}
