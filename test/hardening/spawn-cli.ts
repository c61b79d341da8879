// The built CLI as a live process, for cases that need to act while it runs: stream stdin, wait for
// a line on stdout, send a signal, time the exit. Environment as in test/helpers/run-cli.ts.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { CLI, NODE } from '../helpers/run-cli.js';
import { PROJECT_DIR } from './built-kb.js';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** since the process was started */
  ms: number;
}

export interface LiveCli {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  stdout(): Buffer;
  stderr(): string;
  /** Resolves with stdout so far once `ready(stdout)` holds; rejects after timeoutMs or at exit. */
  waitForStdout(ready: (stdout: string) => boolean, timeoutMs: number): Promise<string>;
  exited: Promise<Exit>;
}

export const CLI_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/root',
  NO_COLOR: '1',
};

/** `node dist/cli.js ARGS`, or with `shell`, `sh -c SHELL` where `$CLI` is `node dist/cli.js`. */
export function startCli(args: readonly string[], options: { shell?: string } = {}): LiveCli {
  const started = performance.now();
  const child =
    options.shell === undefined
      ? spawn(NODE, [CLI, ...args], { cwd: PROJECT_DIR, env: CLI_ENV })
      : spawn('sh', ['-c', options.shell.replaceAll('$CLI', `'${NODE}' '${CLI}'`)], {
          cwd: PROJECT_DIR,
          env: CLI_ENV,
        });
  child.stdin.on('error', () => {}); // the CLI may stop reading (a signal, a closed stdout)
  const out: Buffer[] = [];
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    for (const check of waiters) check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => {
      for (const check of waiters) check();
      resolve({ code, signal, ms: performance.now() - started });
    }),
  );
  const stdout = () => Buffer.concat(out);
  return {
    child,
    stdout,
    stderr: () => err,
    exited,
    waitForStdout(ready, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`no such stdout in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(stdout().toString('utf8'));
        };
        const check = () => {
          if (ready(stdout().toString('utf8'))) finish();
          else if (child.exitCode !== null || child.signalCode !== null)
            finish(new Error(`exited before such stdout: ${stdout().toString('utf8')}`));
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/** Writes chunks as fast as the child reads them until it stops reading or `stop()` is called. */
export function feedUntilClosed(
  stdin: Writable,
  nextChunk: (index: number) => Buffer,
): { stop: () => void; written: () => number } {
  let stopped = false;
  let written = 0;
  let index = 0;
  stdin.on('error', () => (stopped = true));
  stdin.on('close', () => (stopped = true));
  const pump = () => {
    while (!stopped) {
      const chunk = nextChunk(index++);
      written += chunk.length;
      if (!stdin.write(chunk)) {
        stdin.once('drain', pump);
        return;
      }
    }
  };
  pump();
  return {
    stop: () => {
      stopped = true;
    },
    written: () => written,
  };
}

/**
 * stderr is empty or only the tool's own one-line messages: never a stack trace, an `internal
 * error`, or Node's own warnings.
 */
export function expectOwnMessagesOnly(stderr: string): string[] {
  const lines = stderr.split('\n').filter((line) => line !== '');
  const foreign = lines.filter(
    (line) => !line.startsWith('rootless-doctor: ') || /internal error|^\s+at /.test(line),
  );
  if (foreign.length > 0) throw new Error(`unexpected stderr:\n${stderr}`);
  return lines;
}

/** Control bytes a terminal acts on: C0 but tab and newline, DEL, and C1 (as UTF-8). */
export function controlBytesIn(stdout: Buffer): string[] {
  return [...stdout.toString('utf8').matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)].map(
    (m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}`,
  );
}

/** Polls `condition` until it holds; rejects after timeoutMs. For states no event announces. */
export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Whether process `pid` has `file` open (Linux /proc). */
export function hasOpen(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}
