// `rootless-doctor [FILE]`: reads FILE or stdin as it arrives and writes each diagnosis as soon as
// its line is read. The only file of pipe mode that does I/O: opening the file, reading chunks,
// writing to stdout and stderr, stopping on SIGINT/SIGTERM or when stdout is closed (`| head -1`).
import { constants, open as openDescriptor } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import type { CompiledEntry, RuleSet } from '../kb/types.js';
import type { ProbeResult } from '../probe/types.js';
import type { SuggestionCandidate } from '../search/types.js';
import { DiagnosisSession } from '../diagnose/diagnosis-session.js';
import type { HostProbing } from '../diagnose/host-probing.js';
import { ExitCode } from '../exit-codes.js';
import { compileMatcher } from '../match/stream-matcher.js';
import { jsonReporter } from '../report/json-reporter.js';
import { createReportSink } from '../report/report-sink.js';
import { createTextReporter } from '../report/text-reporter.js';
import type { GuessEntries } from '../search/guess-entries.js';
import { terminalWidth } from './output-width.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

/**
 * Reads for files: larger than a pipe's 64 KiB for fewer rounds through the stream, small enough
 * that chunks in flight keep the peak RSS near 70 MB (1 MiB reads were 20% faster but peaked at
 * 130 MB on the 1M-line bench log).
 */
const FILE_CHUNK_BYTES = 256 * 1024;

export interface PipeDeps {
  ruleSet: RuleSet;
  probe?: (entry: CompiledEntry) => Promise<ProbeResult[]>;
  hostValues?: HostProbing['hostValues'];
  hostFacts?: HostProbing['hostFacts'];
}

export async function runPipe(
  options: GlobalOptions & { file?: string },
  io: CommandIO,
  deps: PipeDeps,
): Promise<ExitCode> {
  const warn = (message: string): void => void io.stderr.write(`rootless-doctor: ${message}\n`);
  let matcher;
  try {
    matcher = compileMatcher(deps.ruleSet.entries, deps.ruleSet.prefilter);
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    return ExitCode.usage;
  }
  const known = new Set(deps.ruleSet.entries.map((entry) => entry.id));
  for (const id of options.ignore.filter((id) => !known.has(id))) {
    warn(`--ignore: no entry \`${id}\` in the knowledge base`);
  }

  const input = options.file === undefined ? io.stdin : await openInput(options.file, warn);
  if (!input) return ExitCode.usage;

  const output = guardStdout(io, () => input.destroy());
  const stop = (): void => void input.destroy();
  io.signal.addEventListener('abort', stop, { once: true });
  const ignore = new Set(options.ignore);
  const reporter = options.json
    ? jsonReporter
    : createTextReporter({ color: options.color, width: terminalWidth(io.stdout) });
  const stream = new DiagnosisSession(
    {
      matcher,
      ignore,
      probe: options.probe ? deps.probe : undefined,
      hostValues: options.probe ? deps.hostValues : undefined,
      hostFacts: options.probe ? deps.hostFacts : undefined,
      suggest: lazySuggest(deps.ruleSet.entries.filter((entry) => !ignore.has(entry.id))),
      warn,
    },
    createReportSink(reporter, output.write),
  );

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      stream.push(chunk);
      if (io.signal.aborted || output.closed) break;
    }
  } catch (error) {
    // destroying the input on an interrupt or a closed stdout ends the loop with an error
    if (!io.signal.aborted && !output.closed) {
      warn(`cannot read ${options.file ?? 'stdin'}: ${describeError(error)}`);
      return ExitCode.usage;
    }
  } finally {
    io.signal.removeEventListener('abort', stop);
  }
  // after ^C the terminal's cursor stands behind `^C`: the summary starts on a line of its own
  if (io.signal.aborted && io.stdout.isTTY) output.write('\n');
  const { exitCode } = await stream.finish();
  if (options.file !== undefined) input.destroy();
  return exitCode;
}

async function openInput(
  file: string,
  warn: (message: string) => void,
): Promise<Readable | undefined> {
  try {
    const stats = await stat(file);
    if (stats.isDirectory()) {
      warn(`cannot read ${file}: is a directory`);
      return undefined;
    }
    if (stats.isFIFO()) return await openFifo(file);
    const handle = await open(file, 'r');
    return handle.createReadStream({ highWaterMark: FILE_CHUNK_BYTES });
  } catch (error) {
    warn(`cannot read ${file}: ${describeError(error)}`);
    return undefined;
  }
}

/**
 * A FIFO is read through a socket on its descriptor (epoll), not a file stream: a file stream's
 * read waits in a libuv pool thread until the writer sends more, and nothing ends that wait, not
 * destroy() on SIGINT/SIGTERM, not even process.exit(). Opened non-blocking so that waiting for a
 * writer does not hold a pool thread either; a FIFO that never had a writer does not report end of
 * input on Linux, so the socket waits for one.
 */
function openFifo(file: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    openDescriptor(file, constants.O_RDONLY | constants.O_NONBLOCK, (error, fd) => {
      if (error) reject(error);
      else resolve(new Socket({ fd, readable: true, writable: false }));
    });
  });
}

/**
 * Writes go through here: once stdout is closed by the reader (EPIPE), further output is dropped
 * and reading stops, quietly, as `| head -1` expects.
 */
function guardStdout(
  io: CommandIO,
  onClosed: () => void,
): { write: (text: string) => void; closed: boolean } {
  const guard = {
    closed: false,
    write(text: string): void {
      if (!guard.closed) io.stdout.write(text);
    },
  };
  // EPIPE, or any other write error: nobody can read what follows, so stop quietly either way
  io.stdout.on('error', () => {
    guard.closed = true;
    onClosed();
  });
  return guard;
}

/**
 * The guess part of the KB search is loaded and indexed only when the first error-looking line
 * matches nothing.
 */
function lazySuggest(
  entries: readonly CompiledEntry[],
): (text: string) => Promise<SuggestionCandidate[]> {
  let guess: Promise<GuessEntries> | undefined;
  return async (text) => {
    guess ??= import('../search/guess-entries.js').then((module) => module.createGuesser(entries));
    return (await guess)(text);
  };
}

const ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is not a directory',
  EIO: 'input/output error',
};

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ERROR_REASONS[code]) return ERROR_REASONS[code];
  return error instanceof Error ? error.message : String(error);
}
