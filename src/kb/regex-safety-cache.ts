// Where the answers of the regex safety analysis (check-regex-safety.ts) are kept, so that neither
// a fresh clone's build nor an installed `kb lint` re-analyses a regex it has seen before:
// - the committed cache, kb/.regex-safety-cache.json: written by `npm run build` for exactly the
//   regexes of the repository's KB, shipped in the package, only read by `kb lint`;
// - the user's cache, $XDG_CACHE_HOME/rootless-doctor (or ~/.cache/rootless-doctor): what `kb lint`
//   analysed for other KB directories; never inside the install directory, which a user running
//   a global install cannot (and root should not) write.
// A file records the analyser that produced it; a file from another analyser counts as empty.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Safety = { safe: true } | { safe: false; reason: string };

/** regex source and flags, in literal notation: `/a+b/` (unambiguous: flags follow the last `/`) */
export type RegexKey = string;

export function regexKey(source: string, flags = ''): RegexKey {
  return `/${source}/${flags}`;
}

/** same path from src/kb (tsx) and dist/kb (installed): <package root>/kb/… */
export const COMMITTED_CACHE_FILE = fileURLToPath(
  new URL('../../kb/.regex-safety-cache.json', import.meta.url),
);

const USER_CACHE_NAME = 'regex-safety.json';

/** $XDG_CACHE_HOME/rootless-doctor/… (only an absolute one counts, as the spec says), else ~/.cache/… */
export function userCacheFile(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'rootless-doctor', USER_CACHE_NAME);
  const home = env.HOME;
  if (home && path.isAbsolute(home)) return path.join(home, '.cache', 'rootless-doctor', USER_CACHE_NAME);
  return undefined;
}

/** The answers in `text` when it was written by `analyser`; an empty map for anything else. */
export function parseCache(text: string, analyser: string): Map<RegexKey, Safety> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return new Map();
  }
  if (!isRecord(data) || data.analyser !== analyser || !isRecord(data.regexes)) return new Map();
  return new Map(Object.entries(data.regexes).filter((pair): pair is [string, Safety] => isSafety(pair[1])));
}

/** One regex per line, sorted, so that a KB change shows as a readable diff of the committed file. */
export function formatCache(analyser: string, answers: ReadonlyMap<RegexKey, Safety>): string {
  const lines = [...answers]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, safety]) => `    ${JSON.stringify(key)}: ${JSON.stringify(safety)}`);
  const body = lines.length > 0 ? `{\n${lines.join(',\n')}\n  }` : '{}';
  return `{\n  "analyser": ${JSON.stringify(analyser)},\n  "regexes": ${body}\n}\n`;
}

/**
 * Why `committedText` is not what the build would write for the regexes a lint `checked` (undefined
 * when it is): what CI reports when a KB change was committed without the updated cache.
 */
export function cacheStaleness(
  committedText: string,
  analyser: string,
  checked: ReadonlyMap<RegexKey, Safety>,
): string | undefined {
  if (committedText === formatCache(analyser, checked)) return undefined;
  const committed = parseCache(committedText, analyser);
  if (committed.size === 0 && committedText.trim() !== '') {
    const found = /"analyser":\s*("[^"]*")/.exec(committedText)?.[1] ?? 'an unreadable file';
    return `it holds answers from ${found}, not from "${analyser}"`;
  }
  const missing = [...checked.keys()].filter((key) => !committed.has(key)).length;
  const unused = [...committed.keys()].filter((key) => !checked.has(key)).length;
  const parts = [
    ...(missing > 0 ? [`${missing} of the KB's regexes are not in it`] : []),
    ...(unused > 0 ? [`${unused} regexes in it are no longer in the KB`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'it is not formatted as the build writes it';
}

/**
 * The recheck version the shipped answers came from (`4.5.0`), so that `kb lint`'s install hint
 * can name exactly that one: with any other, none of them would count and a first lint of the
 * bundled KB would analyse every regex again.
 */
export function committedRecheckVersion(file = COMMITTED_CACHE_FILE): string | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { analyser?: unknown };
    return typeof data.analyser === 'string'
      ? /^recheck (\d+\.\d+\.\d+)\b/.exec(data.analyser)?.[1]
      : undefined;
  } catch {
    return undefined;
  }
}

export function readCacheFile(file: string, analyser: string): Map<RegexKey, Safety> {
  try {
    return parseCache(readFileSync(file, 'utf8'), analyser);
  } catch {
    return new Map();
  }
}

/**
 * Writes through a temporary file and a rename, so that a concurrent reader (two `kb lint` runs)
 * sees the old or the new file, never half of one. False when the directory is not writable:
 * then there is simply no cache.
 */
export function writeCacheFile(file: string, text: string): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    return true;
  } catch {
    return false;
  }
}

function isSafety(value: unknown): value is Safety {
  return isRecord(value) && (value.safe === true || (value.safe === false && typeof value.reason === 'string'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
