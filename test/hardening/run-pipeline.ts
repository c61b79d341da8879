// Pipe mode without the process: the built KB, the DiagnosisSession that runPipe drives, the real
// suggestion search, no probes (--no-probe), and chunks pushed exactly as given.
import { DiagnosisSession } from '../../src/diagnose/diagnosis-session.js';
import { compileMatcher, type Matcher } from '../../src/match/stream-matcher.js';
import { jsonReporter } from '../../src/report/json-reporter.js';
import { createReportSink } from '../../src/report/report-sink.js';
import { createTextReporter } from '../../src/report/text-reporter.js';
import { createKbSearch, type KbSearch } from '../../src/search/create-kb-search.js';
import { builtRuleSet } from './built-kb.js';

export interface PipelineResult {
  output: string;
  warnings: string[];
  exitCode: number;
}

let matcher: Matcher | undefined;
let search: KbSearch | undefined;

export async function runPipeline(
  chunks: readonly Uint8Array[],
  options: { json?: boolean } = {},
): Promise<PipelineResult> {
  const { entries } = builtRuleSet();
  matcher ??= compileMatcher(entries);
  search ??= createKbSearch(entries);
  const { guess } = search;
  const out: string[] = [];
  const warnings: string[] = [];
  const reporter = options.json === false ? createTextReporter({ color: false }) : jsonReporter;
  const stream = new DiagnosisSession(
    {
      matcher,
      suggest: async (text) => guess(text),
      warn: (message) => warnings.push(message),
    },
    createReportSink(reporter, (text) => out.push(text)),
  );
  for (const chunk of chunks) stream.push(chunk);
  const { exitCode } = await stream.finish();
  return { output: out.join(''), warnings, exitCode };
}

export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The input cut at the given byte offsets (any order, duplicates allowed). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((o) => Math.min(Math.max(o, 0), bytes.length)))].sort(
    (a, b) => a - b,
  );
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** C0 controls but tab and newline, DEL, C1 controls: what must never reach a terminal. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
