// Pipe mode in-process (runPipe with in-memory streams): the given entries as the knowledge base,
// `--no-probe --json`, and the JSON Lines it printed, parsed.
import { PassThrough, Readable } from 'node:stream';
import { runPipe } from '../../src/commands/pipe.js';
import { RULE_SET_FORMAT, type CompiledEntry } from '../../src/kb/types.js';

export interface PipeRun {
  exitCode: number;
  records: Record<string, unknown>[];
  stderr: string;
}

export async function runPipeWith(
  entries: readonly CompiledEntry[],
  input: string,
  ignore: readonly string[],
): Promise<PipeRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const exitCode = await runPipe(
    { json: true, probe: false, ignore: [...ignore], color: false },
    {
      stdin: Readable.from([Buffer.from(`${input}\n`)]),
      stdout,
      stderr,
      env: {},
      signal: new AbortController().signal,
    },
    { ruleSet: { format: RULE_SET_FORMAT, entries: [...entries] } },
  );
  const records = Buffer.concat(out)
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { exitCode, records, stderr: Buffer.concat(err).toString() };
}
