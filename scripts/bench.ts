// `npm run bench`: pipe mode against `grep -E -f` over the same signatures (their `ere` form from
// dist/kb.json) on a generated 1M-line rootless dockerd journal; start-up against `node -e 0`;
// peak RSS on 2M lines and on one 50 MB line. Needs `npm run build` first.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RuleSet } from '../src/kb/types.js';
import { generateBenchLog } from './bench-log.js';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const ruleSet = JSON.parse(readFileSync(path.join(root, 'dist', 'kb.json'), 'utf8')) as RuleSet;
const work = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-bench-'));
const env = { ...process.env, NO_COLOR: '1' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** wall-clock milliseconds of a shell command, median of `runs` */
function time(command: string, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync('sh', ['-c', command], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    samples.push(performance.now() - started);
    // grep exits 1 when nothing matched, pipe mode 1 when it found something and 3 when it only
    // has guesses: all fine
    if (result.status !== 0 && result.status !== 1 && result.status !== 3)
      throw new Error(`${command}: exit ${result.status}`);
  }
  return median(samples);
}

/**
 * CPU milliseconds (user + system) of a shell command from GNU time, median of `runs`; steadier
 * than wall-clock on a shared machine. Undefined without /usr/bin/time.
 */
function cpuTime(command: string, runs: number): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync('/usr/bin/time', ['-f', '%U %S', 'sh', '-c', command], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const [user, system] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    if (!Number.isFinite(user) || !Number.isFinite(system)) return undefined;
    samples.push((user! + system!) * 1000);
  }
  return median(samples);
}

/** peak resident set size in MB, from GNU time */
function peakRss(command: string): number | undefined {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', command], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const kilobytes = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kilobytes) && kilobytes > 0 ? kilobytes / 1024 : undefined;
}

/**
 * Milliseconds from writing a line into an open pipe to reading its diagnoses, median over the
 * lines that produce one (the first is left out: it also waits for start-up). `expected[i]` is
 * how many diagnosis lines line i produces, from a run over the same lines as a file.
 */
async function latency(lines: readonly string[], expected: readonly number[]): Promise<number> {
  const child = spawn('node', [cli, '--no-probe', '--json'], { env });
  let received = 0;
  let notify: (() => void) | undefined;
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    received += parts.filter((line) => line.startsWith('{"type":"diagnosis"')).length;
    notify?.();
  });
  const until = (count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('latency: no diagnosis within 5 s')), 5000);
      notify = () => {
        if (received < count) return;
        clearTimeout(timer);
        resolve();
      };
      notify();
    });
  const samples: number[] = [];
  let total = 0;
  for (const [index, line] of lines.entries()) {
    const started = performance.now();
    child.stdin.write(`${line}\n`);
    if (expected[index] === 0) continue;
    total += expected[index]!;
    await until(total);
    if (total > expected[index]!) samples.push(performance.now() - started);
  }
  child.stdin.end();
  return median(samples);
}

/** how many diagnosis lines each of `lines` produces, read from the `line` of each diagnosis */
function diagnosesPerLine(lines: readonly string[]): number[] {
  const file = path.join(work, 'latency.log');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const run = spawnSync('node', [cli, '--no-probe', '--json', file], { env, encoding: 'utf8' });
  const counts = lines.map(() => 0);
  for (const record of run.stdout.trim().split('\n')) {
    const parsed = JSON.parse(record) as { type: string; line?: number };
    if (parsed.type === 'diagnosis') counts[parsed.line! - 1]!++;
  }
  return counts;
}

const quote = (file: string): string => `'${file.replaceAll("'", `'\\''`)}'`;
const fixed = (value: number, digits = 0): string => value.toFixed(digits);

/**
 * The guess path on error-looking lines no signature matches (issue 14's bounds): one 64 KiB
 * line, and 1,000 distinct long ones, each over an empty run. Each line is read for guesses up to
 * MAX_GUESS_CHARS only; the first one also loads the guess part of the KB search and builds its
 * word index. `npm run bench -- --long-lines` runs only this.
 */
function benchLongLines(): void {
  const words = ['error:', 'failed', 'token', 'value', 'mismatch', 'field', 'json'];
  const errorBlob = Array.from(
    { length: 9000 },
    (_, i) => `${words[i % words.length]}${(i * 7919) % 100000}`,
  )
    .join(' ')
    .slice(0, 65536);
  const oneLong = path.join(work, 'one-long-line.log');
  const manyLong = path.join(work, 'many-long-lines.log');
  writeFileSync(oneLong, `${errorBlob}\n`);
  writeFileSync(
    manyLong,
    `${Array.from({ length: 1000 }, (_, i) => `${i} ${errorBlob.slice(i, i + 4000)}`).join('\n')}\n`,
  );
  const emptyRun = `printf '' | node ${quote(cli)} --no-probe > /dev/null`;
  const oneRun = `node ${quote(cli)} --no-probe ${quote(oneLong)} > /dev/null`;
  const manyRun = `node ${quote(cli)} --no-probe ${quote(manyLong)} > /dev/null`;
  const empty = time(emptyRun, 5);
  const one = time(oneRun, 5);
  const many = time(manyRun, 5);
  const verdict = (ms: number, target: number) => (ms <= target ? 'within' : 'OVER');
  console.log(
    `long lines:  one 64 KiB error-looking line +${fixed(one - empty)} ms (${verdict(one - empty, 50)} 50 ms), ` +
      `1,000 distinct long ones +${fixed(many - empty)} ms (${verdict(many - empty, 2000)} 2 s), over an empty run`,
  );
  const cpu = [emptyRun, oneRun, manyRun].map((command) => cpuTime(command, 7));
  if (cpu.every((ms) => ms !== undefined)) {
    const [cpuEmpty, cpuOne, cpuMany] = cpu as number[];
    console.log(
      `             CPU time (user + system, 10 ms steps): one +${fixed(cpuOne! - cpuEmpty!)} ms, ` +
        `1,000 +${fixed(cpuMany! - cpuEmpty!)} ms over an empty run's ${fixed(cpuEmpty!)} ms`,
    );
  }
}

/** Every figure: throughput against grep and ripgrep, the long lines, start-up, latency, memory. */
async function benchAll(): Promise<void> {
  const log = path.join(work, 'rootless-dockerd.log');
  const generated = generateBenchLog(ruleSet, 1_000_000);
  writeFileSync(log, generated.text);
  const patterns = path.join(work, 'patterns.ere');
  writeFileSync(
    patterns,
    `${ruleSet.entries.flatMap((entry) => entry.signatures.map((s) => s.ere)).join('\n')}\n`,
  );
  const megabytes = statSync(log).size / 1024 / 1024;
  console.log(
    `log: ${generated.lines} lines, ${fixed(megabytes, 1)} MB, ${generated.errorLines} KB example lines; ` +
      `${ruleSet.entries.length} entries`,
  );

  const ours = time(`node ${quote(cli)} --no-probe --json ${quote(log)} > /dev/null`, 5);
  // grep at its fastest: byte-oriented C locale (in a UTF-8 locale it is about 1.5x slower)
  console.log(
    `pipe mode:   ${fixed(ours)} ms median of 5  (${fixed(megabytes / (ours / 1000))} MB/s)`,
  );
  // the same signatures in other tools: ripgrep single-threaded (named groups made plain), and GNU
  // grep at its fastest (C locale); with hundreds of signatures grep's DFA can blow up, so it is
  // bounded and reported as not finishing rather than failing the bench
  const rgPatterns = path.join(work, 'patterns.rg');
  writeFileSync(
    rgPatterns,
    `${ruleSet.entries.flatMap((entry) => entry.signatures.map((s) => s.regex.replace(/\(\?<[A-Za-z_]\w*>/g, '('))).join('\n')}\n`,
  );
  const baselines: [string, string][] = [
    [
      'rg -j1 -f',
      `rg -j1 --regex-size-limit 2G --dfa-size-limit 2G -f ${quote(rgPatterns)} ${quote(log)} > /dev/null`,
    ],
    ['grep -E -f', `LC_ALL=C timeout 120 grep -E -f ${quote(patterns)} ${quote(log)} > /dev/null`],
  ];
  for (const [name, command] of baselines) {
    const program = name.split(' ')[0]!;
    if (spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0) {
      console.log(`${name.padEnd(12)} not installed`);
      continue;
    }
    try {
      const ms = time(command, 3);
      console.log(
        `${`${name}:`.padEnd(12)} ${fixed(ms)} ms median of 3 (${fixed(megabytes / (ms / 1000))} MB/s); pipe mode is ${fixed(ours / ms, 2)}× its time`,
      );
    } catch {
      console.log(
        `${`${name}:`.padEnd(12)} did not finish (over 120 s, or its regex engine gave up)`,
      );
    }
  }

  const json = spawnSync('node', [cli, '--no-probe', '--json', log], { env, encoding: 'utf8' });
  const summary = JSON.parse(json.stdout.trim().split('\n').at(-1)!) as {
    diagnoses: { count: number }[];
  };
  const matched = summary.diagnoses.reduce((sum, diagnosis) => sum + diagnosis.count, 0);
  console.log(
    `hits:        pipe mode ${matched} matches in ${summary.diagnoses.length} diagnoses ` +
      '(it also matches after normalisation, and counts per entry)',
  );

  benchLongLines();

  const startup = time(`printf '' | node ${quote(cli)} --no-probe > /dev/null`, 10);
  const bare = time(`node -e 0`, 10);
  console.log(
    `start-up:    ${fixed(startup)} ms vs node -e 0 ${fixed(bare)} ms: +${fixed(startup - bare)} ms (target +80 ms)`,
  );

  const examples = ruleSet.entries
    .slice(0, 12)
    .flatMap((entry) => entry.examples.match.slice(0, 1).map((example) => example.text));
  const waited = await latency(examples, diagnosesPerLine(examples));
  console.log(
    `latency:     ${fixed(waited, 1)} ms median from a written line to its diagnosis (target 100 ms)`,
  );

  const twice = `cat ${quote(log)} ${quote(log)} | node ${quote(cli)} --no-probe --json > /dev/null`;
  const longLine = `head -c 52428800 /dev/zero | tr '\\0' a | node ${quote(cli)} --no-probe --json > /dev/null 2>&1`;
  const rss2m = peakRss(twice);
  const rssLong = peakRss(longLine);
  console.log(
    rss2m === undefined
      ? 'memory:      /usr/bin/time not available'
      : `memory:      peak RSS ${fixed(rss2m)} MB on 2M lines, ${fixed(rssLong ?? NaN)} MB on one 50 MB line (target 150 MB)`,
  );
}

try {
  if (process.argv.includes('--long-lines')) benchLongLines();
  else await benchAll();
} finally {
  rmSync(work, { recursive: true, force: true });
}
