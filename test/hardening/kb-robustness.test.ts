// The knowledge base as shipped: a broken or stale dist/kb.json is one clear line (exit 2) naming
// the file and `npm run build`; every regex in it passes the ReDoS check; and every signature
// stays fast on adversarial 100 kB lines through pipe mode's own matcher.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../src/kb/check-regex-safety.js';
import { loadRuleSet, RuleSetError } from '../../src/kb/load-rule-set.js';
import { adversarialLines } from './adversarial-lines.js';
import { builtRuleSet, DIST_DIR, KB_FILE, PROJECT_DIR } from './built-kb.js';
import { createMatchTimer, type MatchTimer } from './time-match.js';
import { NODE } from '../helpers/run-cli.js';
import { RULE_SET_FORMAT } from '../../src/kb/types.js';

const REMEDY = 'run `npm run build` to compile the knowledge base';
const ERROR_LINE =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device\n';

function realKb(): { format: number; entries: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(KB_FILE, 'utf8'));
}

describe('a broken or stale dist/kb.json, through the CLI', () => {
  // A copy of the built CLI whose kb.json each case replaces; node_modules is the project's.
  let root: string;
  let kbFile: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-kb-'));
    cpSync(DIST_DIR, path.join(root, 'dist'), { recursive: true });
    cpSync(path.join(PROJECT_DIR, 'package.json'), path.join(root, 'package.json'));
    symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(root, 'node_modules'));
    kbFile = path.join(root, 'dist', 'kb.json');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function run(args: string[]): { code: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync(NODE, [path.join(root, 'dist', 'cli.js'), ...args], {
        input: ERROR_LINE,
        env: { PATH: process.env.PATH ?? '', HOME: root, NO_COLOR: '1' },
        timeout: 10_000,
        stdio: 'pipe',
        encoding: 'utf8',
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it.each([
    [
      'cut short',
      () => readFileSync(KB_FILE, 'utf8').slice(0, 4000),
      () => `knowledge base ${kbFile} is not valid JSON`,
    ],
    ['empty', () => '', () => `knowledge base ${kbFile} is not valid JSON`],
    [
      'from a newer build',
      () => JSON.stringify({ ...realKb(), format: RULE_SET_FORMAT + 1 }),
      () =>
        `knowledge base ${kbFile} has format ${RULE_SET_FORMAT + 1}, expected format ${RULE_SET_FORMAT}`,
    ],
    [
      'from before formats',
      () => JSON.stringify({ entries: realKb().entries }),
      () => `knowledge base ${kbFile} has no format, expected format ${RULE_SET_FORMAT}`,
    ],
    [
      'without entries',
      () => JSON.stringify({ format: RULE_SET_FORMAT, entries: {} }),
      () => `knowledge base ${kbFile} is damaged: it has no list of entries`,
    ],
    [
      'with a damaged entry',
      () => {
        const kb = realKb();
        kb.entries[0] = { ...kb.entries[0], signatures: [{ regex: '(', literal: 'abc' }] };
        return JSON.stringify(kb);
      },
      () =>
        `knowledge base ${kbFile} is damaged: entry \`${String(realKb().entries[0]!.id)}\`, ` +
        'signature 1: the regex `(` does not compile',
    ],
  ])('%s: one line naming the file and the fix, exit 2', (_name, content, message) => {
    writeFileSync(kbFile, content());
    const expected = { code: 2, stdout: '', stderr: `rootless-doctor: ${message()}; ${REMEDY}\n` };
    expect(run([])).toEqual(expected);
    expect(run(['--json'])).toEqual(expected);
    expect(run(['search', 'userns'])).toEqual(expected);
  });

  it('missing: one line naming the file and the fix, exit 2', () => {
    rmSync(kbFile);
    expect(run(['--json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `rootless-doctor: cannot read knowledge base ${kbFile} (ENOENT); ${REMEDY}\n`,
    });
  });
});

describe('loading dist/kb.json', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-load-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the built KB', () => {
    expect(builtRuleSet().format).toBe(RULE_SET_FORMAT);
    expect(builtRuleSet().entries.length).toBeGreaterThan(50);
  });

  const entry = () => realKb().entries[0]!;
  it.each([
    ['an entry that is not an object', () => [null], 'entry 1 is not an object'],
    [
      'an entry without a title',
      () => [{ ...entry(), title: undefined }],
      `entry \`${String(entry().id)}\` has no text \`title\``,
    ],
    [
      'an unknown severity',
      () => [{ ...entry(), severity: 'fatal' }],
      `entry \`${String(entry().id)}\` has an unknown \`severity\``,
    ],
    [
      'a signature without a literal',
      () => [{ ...entry(), signatures: [{ regex: 'abc' }] }],
      `entry \`${String(entry().id)}\`, signature 1: no literal`,
    ],
    [
      'a fix without `root`',
      () => [{ ...entry(), fixes: [{ text: 'Do it.' }] }],
      `entry \`${String(entry().id)}\`, fix 1 is not a fix`,
    ],
    [
      'captures that are not text',
      () => [{ ...entry(), captures: { user: 1 } }],
      `entry \`${String(entry().id)}\` has no map \`captures\``,
    ],
  ])('refuses %s, naming it', (_name, entries, problem) => {
    const file = path.join(dir, 'kb.json');
    writeFileSync(file, JSON.stringify({ format: RULE_SET_FORMAT, entries: entries() }));
    expect(() => loadRuleSet(file)).toThrow(
      new RuleSetError(`knowledge base ${file} is damaged: ${problem}; ${REMEDY}`),
    );
  });
});

describe('regex safety of the built KB', () => {
  const regexes = builtRuleSet().entries.flatMap((entry) => [
    ...entry.signatures.map((s, i) => [`${entry.id} signature ${i + 1}`, s.regex] as const),
    ...Object.entries(entry.captures).map(
      ([name, p]) => [`${entry.id} capture ${name}`, p] as const,
    ),
    ...entry.probes.flatMap((probe) =>
      probe.confirms.matches === undefined
        ? []
        : [[`${entry.id} probe ${probe.id}`, probe.confirms.matches] as const],
    ),
  ]);

  it('has signatures, capture patterns and probe patterns to check', () => {
    expect(regexes.length).toBeGreaterThan(200);
  });

  it('every one passes the ReDoS check kb lint uses', () => {
    const unsafe = regexes.flatMap(([name, regex]) => {
      const safety = checkRegexSafety(regex);
      return safety.safe ? [] : [`${name}: ${safety.reason}`];
    });
    expect(unsafe).toEqual([]);
  }, 120_000);
});

/**
 * A catastrophic regex takes minutes on these lines, a quadratic one seconds; a linear one
 * milliseconds. So 1 s does not flake on a busy machine, and the worker is stopped at 3 s.
 */
const BOUND_MS = 1000;
const DEADLINE_MS = 3000;

describe('adversarial 100 kB lines through the matcher', () => {
  let timer: MatchTimer;
  beforeAll(async () => {
    timer = await createMatchTimer();
  });
  afterAll(() => timer.close());

  const signatures = builtRuleSet().entries.flatMap((entry) =>
    entry.signatures.map((signature, index) => ({ entry, signature, index })),
  );

  it.each(signatures.map((s) => [`${s.entry.id} signature ${s.index + 1}`, s] as const))(
    '%s: every line within 1 s',
    async (_name, { signature }) => {
      const lines = adversarialLines(signature.regex, signature.literal);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      const slow: string[] = [];
      for (const { name, line } of lines) {
        const ms = await timer.time([line], DEADLINE_MS);
        if (ms > BOUND_MS)
          slow.push(`${name}: ${ms === Infinity ? `over ${DEADLINE_MS}` : Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    },
    60_000,
  );
});
