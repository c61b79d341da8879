// What every command receives: parsed options and the process's streams, passed in so that
// commands can be run from tests without a real process.
import type { Readable, Writable } from 'node:stream';

export interface CommandIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** resolves when SIGINT/SIGTERM arrives; commands that stream stop reading and finish cleanly */
  signal: AbortSignal;
}

/** Options every command understands. */
export interface GlobalOptions {
  json: boolean;
  /** false with --no-probe */
  probe: boolean;
  /** entry ids dropped with --ignore */
  ignore: string[];
  /** resolved from --no-color, NO_COLOR, FORCE_COLOR and whether stdout is a TTY */
  color: boolean;
  /** --host-root DIR: file-based probes read DIR/... instead of / */
  hostRoot?: string;
}
