// The one door through which probes and checks see the machine. `node-host.ts` is the only real
// implementation; tests pass a fake built from a plain object, so /proc/sys values, /etc/subuid
// lines and systemctl answers are test data. Every method reports failure as data instead of
// throwing: probes must tell "absent" (a value: the cause may need it) from "could not look"
// (unknown), and a thrown error cannot carry that difference reliably.

export type FileKind =
  'file' | 'directory' | 'socket' | 'character-device' | 'block-device' | 'fifo' | 'other';

export interface FileInfo {
  kind: FileKind;
  /** permission bits including setuid/setgid/sticky (mode & 0o7777) */
  mode: number;
  uid: number;
  gid: number;
  size: number;
}

/** `absent`: the path does not exist (ENOENT/ENOTDIR); `error`: it may exist but could not be read. */
export type ReadOutcome =
  | { status: 'ok'; text: string; truncated: boolean }
  | { status: 'absent' }
  | { status: 'error'; reason: string };

export type StatOutcome =
  { status: 'ok'; info: FileInfo } | { status: 'absent' } | { status: 'error'; reason: string };

export interface RunOptions {
  /** the child is killed when it runs longer than this */
  timeoutMs: number;
  /** stdout and stderr are each cut at this many bytes (and the child stopped) */
  maxBytes: number;
}

export type RunOutcome =
  | {
      status: 'completed';
      /** undefined when the child was stopped because its output passed maxBytes */
      exitCode: number | undefined;
      stdout: string;
      stderr: string;
      truncated: boolean;
    }
  | { status: 'timeout'; stdout: string; stderr: string }
  /** did not run: not installed, not executable, or commands are off (--host-root) */
  | { status: 'failed'; reason: string };

/** The user the probes are about; fields are undefined when the host cannot say. */
export interface HostUser {
  uid: number | undefined;
  gid: number | undefined;
  name: string | undefined;
}

export interface Host {
  readonly user: HostUser;
  /** Reads a regular file, at most maxBytes of it. Never opens devices, FIFOs or directories. */
  readFile(path: string, options: { maxBytes: number }): Promise<ReadOutcome>;
  /** Follows symlinks. */
  stat(path: string): Promise<StatOutcome>;
  /** Whether the current user may write to path (access(2) W_OK); undefined when unknowable. */
  isWritable(path: string): Promise<boolean | undefined>;
  env(name: string): string | undefined;
  /** The first executable named `name` on PATH, as a path on the probed host. */
  which(name: string): Promise<string | undefined>;
  /** Runs argv without a shell. */
  run(argv: readonly string[], options: RunOptions): Promise<RunOutcome>;
}
