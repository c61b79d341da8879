// The regex safety answers and where they are kept: the committed file's format, the user's cache
// location, what counts as stale, and that a known answer is never analysed again.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { analyserVersion, createSafetyChecker } from '../../src/kb/check-regex-safety.js';
import {
  cacheStaleness,
  committedRecheckVersion,
  formatCache,
  parseCache,
  regexKey,
  userCacheFile,
  writeCacheFile,
  type Safety,
} from '../../src/kb/regex-safety-cache.js';

const ANALYSER = 'recheck 9.9.9, check-regex-safety 1';
const SAFE: Safety = { safe: true };
const BAD: Safety = { safe: false, reason: 'Unexpected exponential backtracking' };
const dir = mkdtempSync(path.join(tmpdir(), 'regex-safety-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the cache file', () => {
  test('keys are the regex in literal notation, flags after the last slash', () => {
    expect(regexKey('a/b+')).toBe('/a/b+/');
    expect(regexKey('a/b+', 'iu')).toBe('/a/b+/iu');
  });

  test('one sorted regex per line, and it reads back as written', () => {
    const answers = new Map<string, Safety>([
      [regexKey('zeta \\d+'), SAFE],
      [regexKey('(a+)+$'), BAD],
    ]);
    const text = formatCache(ANALYSER, answers);
    expect(text).toBe(
      [
        '{',
        '  "analyser": "recheck 9.9.9, check-regex-safety 1",',
        '  "regexes": {',
        '    "/(a+)+$/": {"safe":false,"reason":"Unexpected exponential backtracking"},',
        '    "/zeta \\\\d+/": {"safe":true}',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(parseCache(text, ANALYSER)).toEqual(answers);
    expect(formatCache(ANALYSER, new Map())).toBe(
      '{\n  "analyser": "recheck 9.9.9, check-regex-safety 1",\n  "regexes": {}\n}\n',
    );
  });

  test('answers from another analyser, broken JSON and malformed answers count for nothing', () => {
    const text = formatCache(ANALYSER, new Map([[regexKey('x'), SAFE]]));
    expect(parseCache(text, 'recheck 4.5.0, check-regex-safety 2').size).toBe(0);
    expect(parseCache('{"analyser": ', ANALYSER).size).toBe(0);
    const mixed = JSON.stringify({
      analyser: ANALYSER,
      regexes: { '/a/': { safe: true }, '/b/': { safe: false }, '/c/': 'yes' },
    });
    expect(parseCache(mixed, ANALYSER)).toEqual(new Map([['/a/', SAFE]]));
  });

  test('is written whole, and not at all where no directory can be made', () => {
    const file = path.join(dir, 'nested', 'cache.json');
    expect(writeCacheFile(file, 'one')).toBe(true);
    expect(writeCacheFile(file, 'two')).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('two');
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    expect(writeCacheFile(path.join(blocker, 'cache.json'), 'x')).toBe(false);
  });
});

describe('the recheck version kb lint asks for', () => {
  test('is the one the committed answers came from, when the file says', () => {
    const file = path.join(dir, 'committed.json');
    writeFileSync(file, formatCache('recheck 4.5.0, check-regex-safety 1', new Map()));
    expect(committedRecheckVersion(file)).toBe('4.5.0');
    writeFileSync(file, '{"analyser": 3}');
    expect(committedRecheckVersion(file)).toBeUndefined();
    expect(committedRecheckVersion(path.join(dir, 'none.json'))).toBeUndefined();
    expect(committedRecheckVersion()).toBe(analyserVersion().split(' ')[1]?.replace(',', ''));
  });
});

describe("the user's cache", () => {
  test('goes under an absolute XDG_CACHE_HOME, else ~/.cache, else nowhere', () => {
    expect(userCacheFile({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/a' })).toBe(
      '/x/cache/rootless-doctor/regex-safety.json',
    );
    expect(userCacheFile({ XDG_CACHE_HOME: 'relative', HOME: '/home/a' })).toBe(
      '/home/a/.cache/rootless-doctor/regex-safety.json',
    );
    expect(userCacheFile({ HOME: '/home/a' })).toBe('/home/a/.cache/rootless-doctor/regex-safety.json');
    expect(userCacheFile({ HOME: '' })).toBeUndefined();
    expect(userCacheFile({})).toBeUndefined();
  });
});

describe('a stale committed cache', () => {
  const checked = new Map([
    [regexKey('a'), SAFE],
    [regexKey('b'), SAFE],
  ]);

  test('is current when it is exactly what the build writes', () => {
    expect(cacheStaleness(formatCache(ANALYSER, checked), ANALYSER, checked)).toBeUndefined();
  });

  test('names the regexes it lacks and those the KB no longer has', () => {
    const old = formatCache(ANALYSER, new Map([[regexKey('a'), SAFE], [regexKey('gone'), SAFE]]));
    expect(cacheStaleness(old, ANALYSER, checked)).toBe(
      "1 of the KB's regexes are not in it, 1 regexes in it are no longer in the KB",
    );
    expect(cacheStaleness('', ANALYSER, checked)).toBe("2 of the KB's regexes are not in it");
  });

  test('names the analyser its answers came from', () => {
    const other = formatCache('recheck 4.4.0, check-regex-safety 1', checked);
    expect(cacheStaleness(other, ANALYSER, checked)).toBe(
      'it holds answers from "recheck 4.4.0, check-regex-safety 1", not from "recheck 9.9.9, check-regex-safety 1"',
    );
  });
});

describe('the safety checker', () => {
  test('names the installed recheck and its own version', () => {
    const { version } = JSON.parse(
      readFileSync(path.resolve(import.meta.dirname, '../../node_modules/recheck/package.json'), 'utf8'),
    ) as { version: string };
    expect(analyserVersion()).toBe(`recheck ${version}, check-regex-safety 1`);
  });

  test('takes a known answer as it is, analyses only the unknown regex, and counts it', () => {
    const counts: number[] = [];
    const planted: Safety = { safe: false, reason: 'from the cache' };
    const checker = createSafetyChecker({
      known: [new Map([[regexKey('plain text'), planted]])],
      onAnalysed: (count) => counts.push(count),
    });
    expect(checker.check('plain text')).toEqual(planted);
    expect(checker.analysed).toBe(0);
    expect(checker.check('another (?:plain|simple) text \\d+')).toEqual(SAFE);
    expect(checker.check('another (?:plain|simple) text \\d+')).toEqual(SAFE);
    expect(checker.analysed).toBe(1);
    expect(counts).toEqual([1]);
    expect(checker.seen).toEqual(
      new Map<string, Safety>([
        [regexKey('plain text'), planted],
        [regexKey('another (?:plain|simple) text \\d+'), SAFE],
      ]),
    );
  });

  test('refuses nested quantifiers by structure alone, without analysis or a cache entry', () => {
    const checker = createSafetyChecker({ known: [] });
    expect(checker.check('(a+)+$')).toMatchObject({ safe: false });
    expect(checker.analysed).toBe(0);
    expect(checker.seen.size).toBe(0);
  });
});
