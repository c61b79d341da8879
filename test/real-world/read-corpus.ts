// The real-world corpus: test/fixtures/real-world/*.yaml, each a YAML list of records copied from
// public threads (see test/fixtures/real-world/README.md). This module reads and checks them; it
// knows nothing of the matcher, so the test and `npm run corpus` judge the same records.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/real-world');

export type Split = 'train' | 'holdout';

export interface CorpusRecord {
  /** `file.yaml:LINE`, for messages */
  where: string;
  source: string;
  cause: string;
  /** acceptable first entries; empty: healthy or unrelated output, nothing may be diagnosed */
  expect: string[];
  split: Split;
  input: string;
}

const KEYS = ['source', 'cause', 'expect', 'split', 'input'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SOURCE = /^(?:[A-Za-z0-9][\w.-]*\/[\w.-]+#\d+|https?:\/\/\S+)$/;

/**
 * The holdout is fixed by the source alone, before any signature is written: a quarter of the
 * sha256 space. Every record of one thread lands on the same side, so a thread's wording cannot
 * leak from train into holdout.
 */
export function splitOf(source: string): Split {
  const first = createHash('sha256').update(source).digest('hex')[0]!;
  return '0123'.includes(first) ? 'holdout' : 'train';
}

/** A record's identity that survives edits elsewhere in its file: its source and its input. */
export function recordKey(record: Pick<CorpusRecord, 'source' | 'input'>): string {
  const digest = createHash('sha256').update(record.input.trim()).digest('hex').slice(0, 10);
  return `${record.source} ${digest}`;
}

/**
 * Train records the KB does not diagnose right, each with the reason (known-gaps.tsv: `source`,
 * the first 10 hex digits of sha256(trimmed input), reason). The test expects exactly these to
 * fail, so a gap that closes has to be removed from the file, and a new one has to be explained.
 */
export function readKnownGaps(dir = CORPUS_DIR): Map<string, string> {
  const gaps = new Map<string, string>();
  const text = readFileSync(path.join(dir, 'known-gaps.tsv'), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [source, digest, reason] = line.split('\t');
    if (!source || !digest || !reason) throw new Error(`known-gaps.tsv: malformed line: ${line}`);
    gaps.set(`${source} ${digest}`, reason);
  }
  return gaps;
}

/** `owner/repo` of a GitHub source (short form or URL); the host for other URLs. */
export function repositoryOf(source: string): string {
  const short = /^([^/#\s]+\/[^/#\s]+)#\d+$/.exec(source);
  if (short) return short[1]!.toLowerCase();
  const url = new URL(source);
  const github = /^\/([^/]+\/[^/]+)/.exec(url.pathname);
  return url.hostname === 'github.com' && github ? github[1]!.toLowerCase() : url.hostname;
}

export function readCorpus(dir = CORPUS_DIR): { records: CorpusRecord[]; problems: string[] } {
  const records: CorpusRecord[] = [];
  const problems: string[] = [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  for (const name of files) {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true });
    const at = (offset: number | undefined) =>
      `${name}:${offset === undefined ? 1 : lineCounter.linePos(offset).line}`;
    for (const error of document.errors) problems.push(`${at(error.pos[0])}: ${error.message}`);
    if (document.errors.length > 0) continue;
    if (!isSeq(document.contents)) {
      problems.push(`${name}:1: expected a YAML list of records`);
      continue;
    }
    for (const item of document.contents.items) {
      const where = at(isMap(item) || isScalar(item) ? item.range?.[0] : undefined);
      const record = toRecord(item, where, problems);
      if (record) records.push(record);
    }
  }
  return { records, problems };
}

function toRecord(item: unknown, where: string, problems: string[]): CorpusRecord | undefined {
  if (!isMap(item)) {
    problems.push(`${where}: expected a record with ${KEYS.join(', ')}`);
    return undefined;
  }
  const value = item.toJSON() as Record<string, unknown>;
  const keys = Object.keys(value);
  const before = problems.length;
  if (keys.join() !== KEYS.join()) {
    problems.push(
      `${where}: expected the keys ${KEYS.join(', ')} in that order, found ${keys.join(', ')}`,
    );
  }
  const { source, cause, expect, split, input } = value;
  if (typeof source !== 'string' || !SOURCE.test(source)) {
    problems.push(`${where}: source must be 'owner/repo#N' or a URL`);
  }
  if (typeof cause !== 'string' || cause.trim() === '' || cause.includes('\n')) {
    problems.push(`${where}: cause must be one line`);
  }
  const ids = expect === 'none' ? [] : typeof expect === 'string' ? [expect] : expect;
  if (
    !Array.isArray(ids) ||
    (ids.length === 0 && expect !== 'none') ||
    !ids.every((id) => typeof id === 'string' && ID.test(id))
  ) {
    problems.push(`${where}: expect must be an entry id, a list of ids, or none`);
  }
  if (typeof source === 'string' && SOURCE.test(source) && split !== splitOf(source)) {
    problems.push(`${where}: split must be ${splitOf(source)} (fixed by the hash of source)`);
  }
  if (typeof input !== 'string' || input.trim() === '') problems.push(`${where}: input is empty`);
  if (problems.length > before) return undefined;
  return {
    where,
    source: source as string,
    cause: cause as string,
    expect: ids as string[],
    split: split as Split,
    input: input as string,
  };
}
