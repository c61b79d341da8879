// The only real Host: node:fs and node:child_process. Everything here is read-only. Files are
// read in bounded chunks (files under /proc report size 0, so size cannot bound the read), only
// regular files are opened, commands run through execFile without a shell, with a time limit,
// SIGKILL at the limit and an output cap.
//
// With `root` (--host-root DIR), paths are looked up under DIR: a copy of another machine's /proc/sys,
// /etc and bin directories. Commands are not run there (they would describe this machine), and
// writability cannot be judged. Whose files they are is taken from the environment you pass
// (`USER`, `HOME`), since the copy cannot say; the uid and gid come from the copy's etc/passwd,
// never from this process, which belongs to another machine.
import type { ExecFileException } from 'node:child_process';
import { execFile } from 'node:child_process';
import type { Stats } from 'node:fs';
import { constants, readFileSync, statSync } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type {
  FileInfo,
  FileKind,
  Host,
  HostUser,
  ReadOutcome,
  RunOptions,
  RunOutcome,
  StatOutcome,
} from './host.js';

export interface NodeHostOptions {
  /** --host-root DIR */
  root?: string;
  env: Record<string, string | undefined>;
}

/** Under --host-root the collected host's PATH is unknown; these are where distributions put programs. */
const STANDARD_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const CHUNK_BYTES = 16 * 1024;
const MAX_PASSWD_CHARS = 1024 * 1024;
/** How long after SIGKILL we still wait for the pipes to close (a grandchild may hold them). */
const KILL_GRACE_MS = 200;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : 'cannot read');
}

function isAbsent(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function fileKind(stats: Stats): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character-device';
  if (stats.isBlockDevice()) return 'block-device';
  if (stats.isFIFO()) return 'fifo';
  return 'other';
}

async function statPath(path: string): Promise<StatOutcome> {
  try {
    const stats = await stat(path);
    const info: FileInfo = {
      kind: fileKind(stats),
      mode: stats.mode & 0o7777,
      uid: stats.uid,
      gid: stats.gid,
      size: stats.size,
    };
    return { status: 'ok', info };
  } catch (error) {
    return isAbsent(error)
      ? { status: 'absent' }
      : { status: 'error', reason: describeFsError(error) };
  }
}

async function readCapped(path: string, maxBytes: number): Promise<ReadOutcome> {
  const before = await statPath(path);
  if (before.status !== 'ok') return before;
  if (before.info.kind !== 'file')
    return { status: 'error', reason: `not a regular file (${before.info.kind})` };
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open must not wait for a writer.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      while (total <= maxBytes) {
        const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
      }
      const data = Buffer.concat(chunks);
      const truncated = data.length > maxBytes;
      return {
        status: 'ok',
        text: new TextDecoder().decode(data.subarray(0, maxBytes)),
        truncated,
      };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return isAbsent(error)
      ? { status: 'absent' }
      : { status: 'error', reason: describeFsError(error) };
  }
}

/** What execFile's callback reports, as a RunOutcome. */
function toRunOutcome(
  error: ExecFileException | null,
  stdout: string,
  stderr: string,
  maxBytes: number,
): RunOutcome {
  const completed = (exitCode: number | undefined, truncated: boolean): RunOutcome => ({
    status: 'completed',
    exitCode,
    stdout: stdout.slice(0, maxBytes),
    stderr: stderr.slice(0, maxBytes),
    truncated,
  });
  if (error === null) return completed(0, false);
  const code = errorCode(error);
  if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return completed(undefined, true);
  if (code === 'ENOENT') return { status: 'failed', reason: 'command not found' };
  if (code === 'EACCES') return { status: 'failed', reason: 'permission denied' };
  if (error.killed)
    return {
      status: 'timeout',
      stdout: stdout.slice(0, maxBytes),
      stderr: stderr.slice(0, maxBytes),
    };
  if (typeof error.code === 'number') return completed(error.code, false);
  return { status: 'failed', reason: error.signal ? `killed by ${error.signal}` : error.message };
}

function runCommand(
  argv: readonly string[],
  options: RunOptions,
  env: Record<string, string | undefined>,
): Promise<RunOutcome> {
  const [file, ...args] = argv;
  if (file === undefined || file === '')
    return Promise.resolve({ status: 'failed', reason: 'empty command' });
  return new Promise((resolve) => {
    // LC_ALL=C: answers such as `inactive` and error texts are compared as English.
    const childEnv = { ...env, LC_ALL: 'C', SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0' };
    const child = execFile(
      file,
      args,
      {
        shell: false,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxBytes,
        encoding: 'utf8',
        env: childEnv,
      },
      (error, stdout, stderr) => {
        clearTimeout(backstop);
        resolve(toRunOutcome(error, stdout, stderr, options.maxBytes));
      },
    );
    child.stdin?.end();
    // execFile waits for the pipes to close; a grandchild that inherited them could keep it waiting
    // after the kill. Give up on the pipes shortly after the limit and let the process exit.
    // (A second resolve after this one is ignored by the promise.)
    const backstop = setTimeout(() => {
      child.kill('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.unref();
      resolve({ status: 'timeout', stdout: '', stderr: '' });
    }, options.timeoutMs + KILL_GRACE_MS);
  });
}

function thisProcessUser(env: Record<string, string | undefined>): HostUser {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (common in containers): the environment is all there is
    name = env.USER || env.LOGNAME || undefined;
  }
  return { uid: process.getuid?.(), gid: process.getgid?.(), name };
}

/** Under --host-root: the user named by USER, with the uid and gid the copy's etc/passwd gives. */
function collectedHostUser(root: string, env: Record<string, string | undefined>): HostUser {
  const name = env.USER || env.LOGNAME || undefined;
  let passwd = '';
  try {
    const path = join(root, 'etc/passwd');
    if (statSync(path).isFile()) passwd = readFileSync(path, 'utf8').slice(0, MAX_PASSWD_CHARS);
  } catch {
    // no passwd in the copy: uid and gid stay unknown, and probes that need them say so
  }
  const fields = passwd
    .split('\n')
    .find((line) => name !== undefined && line.startsWith(`${name}:`))
    ?.split(':');
  const number = (field: string | undefined) =>
    field !== undefined && /^\d+$/.test(field) ? Number(field) : undefined;
  return { uid: number(fields?.[2]), gid: number(fields?.[3]), name };
}

export function createNodeHost(options: NodeHostOptions): Host {
  const { root, env } = options;
  const onHost = (path: string) => (root === undefined ? path : join(root, path));
  return {
    user: root === undefined ? thisProcessUser(env) : collectedHostUser(root, env),
    readFile: (path, { maxBytes }) => readCapped(onHost(path), maxBytes),
    stat: (path) => statPath(onHost(path)),
    async isWritable(path) {
      if (root !== undefined) return undefined;
      try {
        await access(path, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    },
    env: (name) => env[name],
    async which(name) {
      const dirs = name.includes('/')
        ? ['']
        : (root === undefined ? (env.PATH ?? STANDARD_PATH) : STANDARD_PATH).split(':');
      for (const dir of dirs) {
        if (!name.includes('/') && !dir.startsWith('/')) continue; // relative PATH entries depend on the cwd
        const candidate = name.includes('/') ? name : join(dir, name);
        const found = await statPath(onHost(candidate));
        if (found.status === 'ok' && found.info.kind === 'file' && found.info.mode & 0o111)
          return candidate;
      }
      return undefined;
    },
    run: (argv, runOptions) =>
      root === undefined
        ? runCommand(argv, runOptions, env)
        : Promise.resolve({ status: 'failed', reason: 'commands are not run under --host-root' }),
  };
}
