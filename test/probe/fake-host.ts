// A Host built from a plain object: file contents, environment, PATH lookups and command answers
// are test data. Records every command it is asked to run and every path it is asked to read.
import type { FileInfo, FileKind, Host, HostUser, RunOutcome } from '../../src/probe/host.js';

export interface FakeFile {
  content?: string;
  kind?: FileKind;
  mode?: number;
  uid?: number;
  gid?: number;
  /** readFile and stat answer with this error instead */
  error?: string;
}

export type FakeCommand =
  | { stdout?: string; stderr?: string; exit?: number }
  /** never answers: only the caller's own bound ends it */
  | { hang: true }
  | { timeout: true }
  | { failed: string }
  | { throws: string };

export interface FakeHostSpec {
  user?: Partial<HostUser>;
  files?: Record<string, string | FakeFile>;
  env?: Record<string, string>;
  /** which(name) → path */
  path?: Record<string, string>;
  /** keyed by argv joined with single spaces */
  commands?: Record<string, FakeCommand>;
  writable?: readonly string[];
}

export interface FakeHost extends Host {
  ran: string[][];
  read: string[];
}

export function createFakeHost(spec: FakeHostSpec = {}): FakeHost {
  const files = spec.files ?? {};
  const fileAt = (path: string): FakeFile | undefined => {
    const entry = files[path];
    return typeof entry === 'string' ? { content: entry } : entry;
  };
  const isDirectory = (path: string) =>
    Object.keys(files).some((p) => p.startsWith(path.endsWith('/') ? path : `${path}/`));
  const info = (file: FakeFile): FileInfo => ({
    kind: file.kind ?? 'file',
    mode: file.mode ?? 0o644,
    uid: file.uid ?? 0,
    gid: file.gid ?? 0,
    size: file.content?.length ?? 0,
  });
  const host: FakeHost = {
    ran: [],
    read: [],
    user: { uid: 1000, gid: 1000, name: 'alice', ...spec.user },
    async readFile(path, { maxBytes }) {
      host.read.push(path);
      const file = fileAt(path);
      if (file === undefined)
        return isDirectory(path)
          ? { status: 'error', reason: 'not a regular file (directory)' }
          : { status: 'absent' };
      if (file.error !== undefined) return { status: 'error', reason: file.error };
      if ((file.kind ?? 'file') !== 'file')
        return { status: 'error', reason: `not a regular file (${file.kind})` };
      const content = file.content ?? '';
      return {
        status: 'ok',
        text: content.slice(0, maxBytes),
        truncated: content.length > maxBytes,
      };
    },
    async stat(path) {
      const file = fileAt(path);
      if (file === undefined) {
        return isDirectory(path)
          ? { status: 'ok', info: { kind: 'directory', mode: 0o755, uid: 0, gid: 0, size: 0 } }
          : { status: 'absent' };
      }
      if (file.error !== undefined) return { status: 'error', reason: file.error };
      return { status: 'ok', info: info(file) };
    },
    async isWritable(path) {
      return (spec.writable ?? []).includes(path);
    },
    env: (name) => spec.env?.[name],
    async which(name) {
      return spec.path?.[name];
    },
    run(argv, options): Promise<RunOutcome> {
      host.ran.push([...argv]);
      const answer = spec.commands?.[argv.join(' ')];
      if (answer === undefined)
        return Promise.resolve({ status: 'failed', reason: 'command not found' });
      if ('hang' in answer) return new Promise(() => {});
      if ('timeout' in answer)
        return Promise.resolve({ status: 'timeout', stdout: '', stderr: '' });
      if ('failed' in answer) return Promise.resolve({ status: 'failed', reason: answer.failed });
      if ('throws' in answer) return Promise.reject(new Error(answer.throws));
      const stdout = answer.stdout ?? '';
      const truncated = stdout.length > options.maxBytes;
      return Promise.resolve({
        status: 'completed',
        exitCode: truncated ? undefined : (answer.exit ?? 0),
        stdout: stdout.slice(0, options.maxBytes),
        stderr: answer.stderr ?? '',
        truncated,
      });
    },
  };
  return host;
}
