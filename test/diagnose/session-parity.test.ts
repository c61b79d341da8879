// The three front ends never contradict each other: every real log fixture (test/fixtures/logs,
// test/fixtures/lab) and every real-world corpus record goes through the diagnosis session three
// times, as each front end drives it (pipe text and --json push bytes, the TUI pastes text), with
// the same fake host (probe verdicts, host values and facts derived from the entry id, some
// answering later than others). What each sink shows must name the same diagnoses and guesses in
// the same order with the same verdicts, and text and JSON the same ranked summary.
//
// The host is fake on purpose: with --no-probe every verdict would be `unknown`, and a verdict
// that differed between front ends would go unseen.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  DiagnosisSession,
  type DiagnosisSessionOptions,
} from '../../src/diagnose/diagnosis-session.js';
import type { ProbeResult, Verdict } from '../../src/probe/types.js';
import type { SuggestionCandidate } from '../../src/search/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { compileMatcher } from '../../src/match/stream-matcher.js';
import { jsonReporter } from '../../src/report/json-reporter.js';
import { createReportSink } from '../../src/report/report-sink.js';
import { createTextReporter } from '../../src/report/text-reporter.js';
import { applySessionEvent, NO_CARDS, type PasteCards } from '../../src/ui/paste-session.js';
import { builtRuleSet } from '../hardening/built-kb.js';
import { readCorpus } from '../real-world/read-corpus.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const VERDICTS: readonly Verdict[] = ['confirmed', 'ruled-out', 'unknown'];

interface Input {
  name: string;
  text: string;
}

function logFiles(dir: string): Input[] {
  return readdirSync(path.join(FIXTURES, dir))
    .filter((name) => name.endsWith('.log'))
    .sort()
    .map((name) => ({
      name: `${dir}/${name}`,
      text: readFileSync(path.join(FIXTURES, dir, name), 'utf8'),
    }));
}

/** A small stable number from a string, so the fake host answers the same in every run. */
function hash(text: string): number {
  let value = 7;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

/** Some entries answer after a few turns of the event loop: events must still come in order. */
function later<T>(turns: number, value: T): Promise<T> {
  let promise = Promise.resolve(value);
  for (let turn = 0; turn < turns; turn++) {
    promise = promise.then(
      (result) => new Promise((resolve) => setImmediate(() => resolve(result))),
    );
  }
  return promise;
}

function fakeHost(): Pick<DiagnosisSessionOptions, 'probe' | 'hostValues' | 'hostFacts'> {
  return {
    probe: (entry: CompiledEntry): Promise<ProbeResult[]> =>
      later(
        hash(entry.id) % 3,
        entry.probes.map((spec) => ({
          id: spec.id,
          verdict: VERDICTS[hash(`${entry.id}/${spec.id}`) % 3]!,
          evidence: `fake evidence for ${spec.id}`,
        })),
      ),
    hostValues: async (names) =>
      Object.fromEntries([...names].map((name) => [name, '300000-365535'])),
    hostFacts: () => Promise.resolve({ systemd: true, debianDockerIo: false }),
  };
}

/** The nearest entries to an unmatched line, the same for every front end (not the search). */
function fakeSuggest(entries: readonly CompiledEntry[]) {
  return (text: string): SuggestionCandidate[] => {
    const entry = entries[hash(text) % entries.length]!;
    return [{ id: entry.id, title: entry.title, score: (hash(text) % 100) / 100 }];
  };
}

/** What a user is shown as it arrives: `d <id> <verdict>` or `s <line> <first candidate>`. */
type Shown = string;

interface SummaryShown {
  lines: number;
  suggestions: number;
  /** `<id> ×<count> <verdict>`, ranked */
  ranked: string[];
  guess?: string;
  collect?: string;
}

interface PipeOutcome {
  shown: Shown[];
  summary: SummaryShown;
  exitCode: number;
}

const entries = builtRuleSet().entries;
const matcher = compileMatcher(entries);
const suggest = fakeSuggest(entries);

/**
 * Pipe mode reads a file in 256 KiB chunks, so a fixture arrives whole, as a paste does; smaller
 * chunks (a slow pipe) may move a guess after a diagnosis read later: the matcher holds
 * error-looking lines to the end of a chunk, since a wrapped match may still claim them.
 */
const FILE_CHUNK_BYTES = 256 * 1024;

async function runPipe(
  text: string,
  render: 'text' | 'json',
  chunkBytes = FILE_CHUNK_BYTES,
): Promise<PipeOutcome & { out: string }> {
  const out: string[] = [];
  const reporter = render === 'json' ? jsonReporter : createTextReporter({ color: false });
  const session = new DiagnosisSession(
    { matcher, ...fakeHost(), suggest: async (line) => suggest(line) },
    createReportSink(reporter, (chunk) => out.push(chunk)),
  );
  const bytes = new TextEncoder().encode(text);
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    session.push(bytes.subarray(start, start + chunkBytes));
  }
  const { exitCode } = await session.finish();
  const written = out.join('');
  const parsed = render === 'json' ? parseJson(written) : parseText(written);
  return { ...parsed, exitCode, out: written };
}

/** The fields of the JSON Lines records (README) that the comparison reads. */
interface JsonRecord {
  type: 'diagnosis' | 'suggestion' | 'summary';
  id?: string;
  verdict?: string;
  line: number;
  candidates?: { id: string }[];
  lines: number;
  suggestions: number;
  diagnoses: { id: string; count: number; verdict: string }[];
  guess?: { id: string; line: number };
  collect?: { id: string; command: string };
}

function parseJson(written: string): Omit<PipeOutcome, 'exitCode'> {
  const records = written
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as JsonRecord);
  const summary = records.at(-1)!;
  const shown = records
    .slice(0, -1)
    .map((record) =>
      record.type === 'diagnosis'
        ? `d ${record.id} ${record.verdict}`
        : `s ${record.line} ${record.candidates?.[0]?.id ?? '-'}`,
    );
  return {
    shown,
    summary: {
      lines: summary.lines,
      suggestions: summary.suggestions,
      ranked: summary.diagnoses.map((d) => `${d.id} ×${d.count} ${d.verdict}`),
      ...(summary.guess ? { guess: `${summary.guess.id} line ${summary.guess.line}` } : {}),
      ...(summary.collect ? { collect: `${summary.collect.id} ${summary.collect.command}` } : {}),
    },
  };
}

/** Reads pipe text back: blocks end with a blank line; the summary is the last block. */
function parseText(written: string): Omit<PipeOutcome, 'exitCode'> {
  const blocks = written.split('\n\n');
  const summaryLines = blocks.pop()!.trimEnd().split('\n');
  const verdictOf = (note: string): Verdict =>
    /ruled out/.test(note) ? 'ruled-out' : /confirmed/.test(note) ? 'confirmed' : 'unknown';
  const shown = blocks.map((block) => {
    const [head = '', second = '', ...rest] = block.split('\n');
    const diagnosis = /\[([a-z0-9-]+)\]((?: — .*)?)$/.exec(head);
    if (diagnosis) return `d ${diagnosis[1]} ${verdictOf(diagnosis[2]!)}`;
    const line = /line (\d+):/.exec(second)?.[1];
    const first = /a guess: .* \[([a-z0-9-]+)\]$/.exec(rest[0] ?? '')?.[1] ?? '-';
    return `s ${line} ${first}`;
  });
  const [head = '', ...items] = summaryLines;
  const ranked = items.flatMap((item) => {
    const match = /^ {2}\d+\. .* \[([a-z0-9-]+)\] line \d+, ×(\d+)(.*)$/.exec(item);
    return match ? [`${match[1]} ×${match[2]} ${verdictOf(match[3]!)}`] : [];
  });
  const guess = /Best guess \(line (\d+), not a match\): .* \[([a-z0-9-]+)\]$/.exec(
    items.at(-1) ?? '',
  );
  const collectAt = items.findIndex((item) => item.includes('This shows only a consequence'));
  return {
    shown,
    summary: {
      lines: Number(/^(\d+) lines? read/.exec(head)?.[1]),
      suggestions: Number(/(\d+) suggestions?/.exec(head)?.[1] ?? 0),
      ranked,
      ...(guess ? { guess: `${guess[2]} line ${guess[1]}` } : {}),
      ...(collectAt >= 0
        ? { collect: `${ranked[0]!.split(' ')[0]} ${items[collectAt + 1]!.trim().slice(2)}` }
        : {}),
    },
  };
}

/** The TUI: one paste of the whole text, its cards as the paste view keeps them. */
async function runTui(text: string): Promise<{ cards: PasteCards['cards']; shown: Shown[] }> {
  let state = NO_CARDS;
  const session = new DiagnosisSession({ matcher, ...fakeHost(), suggest }, (event) => {
    state = applySessionEvent(state, event);
  });
  session.paste(text);
  await session.settled();
  expect(state.pending).toEqual([]);
  const shown = state.cards.map((card) =>
    card.kind === 'diagnosis'
      ? `d ${card.diagnosis.id} ${card.diagnosis.verdict}`
      : `s ${card.suggestion.line} ${card.suggestion.candidates[0]?.id ?? '-'}`,
  );
  return { cards: state.cards, shown };
}

/** What the runs showed in all: proof that the fake host gave every verdict something to differ on. */
const seen = new Map<string, number>();

async function expectParity({ text: raw }: Input): Promise<void> {
  // the TUI reads a lone CR as a line end (terminals paste with CR); pipe mode only LF
  const text = raw.replaceAll(/\r\n?/g, '\n');
  const [asText, asJson, tui, slowPipe] = await Promise.all([
    runPipe(text, 'text'),
    runPipe(text, 'json'),
    runTui(text),
    runPipe(text, 'json', 4096),
  ]);
  // chunks that split lines anywhere change no diagnosis, its order or the summary
  const diagnoses = (shown: Shown[]) => shown.filter((item) => item.startsWith('d '));
  expect(diagnoses(slowPipe.shown)).toEqual(diagnoses(asJson.shown));
  expect(slowPipe.summary).toEqual(asJson.summary);
  for (const shown of asJson.shown) {
    const kind = shown.startsWith('d ') ? `diagnosis ${shown.split(' ')[2]}` : 'suggestion';
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
  }
  if (asJson.summary.guess) seen.set('guess', (seen.get('guess') ?? 0) + 1);
  if (asJson.summary.collect) seen.set('collect', (seen.get('collect') ?? 0) + 1);
  expect(asText.shown).toEqual(asJson.shown);
  expect(asText.summary).toEqual(asJson.summary);
  expect(asText.exitCode).toBe(asJson.exitCode);
  // the TUI shows the verdict that stands: a later version the log stated may have changed it,
  // which pipe mode says in the summary only
  const final = new Map(
    asJson.summary.ranked.map((item) => [item.split(' ')[0]!, item.split(' ').at(-1)!]),
  );
  const regressions = new Set(
    entries.filter((entry) => Object.keys(entry.affects).length > 0).map((entry) => entry.id),
  );
  const expected = asJson.shown.map((shown) => {
    const [kind, id] = shown.split(' ');
    return kind === 'd' && regressions.has(id!) ? `d ${id} ${final.get(id!)}` : shown;
  });
  expect(tui.shown).toEqual(expected);
  // and every cause the summary ranks is a card, with the summary's verdict among its cards'
  for (const [id, verdict] of final) {
    const verdicts = tui.cards.flatMap((card) =>
      card.kind === 'diagnosis' && card.diagnosis.id === id ? [card.diagnosis.verdict] : [],
    );
    expect(verdicts, id).toContain(verdict);
  }
}

const logs = [...logFiles('logs'), ...logFiles('lab')];
const corpus = readCorpus().records.map((record) => ({
  name: `${record.where} ${record.source}`,
  text: record.input.endsWith('\n') ? record.input : `${record.input}\n`,
}));

describe('pipe text, --json and the TUI show the same session', () => {
  test('every real log fixture', async () => {
    expect(logs.length).toBeGreaterThanOrEqual(90);
    for (const input of logs) await expectParity(input).catch(naming(input));
  });

  test('every real-world corpus record', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const input of corpus) await expectParity(input).catch(naming(input));
  });

  test('the inputs gave each kind of outcome something to disagree on', () => {
    for (const kind of [
      'diagnosis confirmed',
      'diagnosis ruled-out',
      'diagnosis unknown',
      'suggestion',
      'guess',
      'collect',
    ]) {
      expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(kind === 'collect' ? 2 : 10);
    }
  });
});

/** A failure names the input, and keeps the assertion's diff. */
function naming(input: Input) {
  return (error: unknown): never => {
    if (error instanceof Error) error.message = `${input.name}: ${error.message}`;
    throw error;
  };
}
