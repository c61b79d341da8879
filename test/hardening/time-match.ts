// Times lines through pipe mode's matcher in a worker thread, so that a catastrophic regex costs the
// test its deadline instead of hanging it: V8 cannot interrupt a running regex, but it can
// terminate the thread that runs it. The worker loads the matcher bundled by esbuild as
// scripts/bundle.ts bundles it into dist/cli.js, compiled once over the whole built KB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { DIST_DIR, PROJECT_DIR } from './built-kb.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  const { compileMatcher, StreamMatcher } = await import(workerData.matcher);
  const { entries } = JSON.parse(readFileSync(workerData.dist + '/kb.json', 'utf8'));
  const matcher = compileMatcher(entries);
  const events = { onMatch() {}, onUnmatchedError() {}, onCutLine() {} };
  parentPort.on('message', ({ id, lines }) => {
    const bytes = Buffer.from(lines.join('\\n') + '\\n');
    const started = performance.now();
    const stream = new StreamMatcher(matcher, events);
    stream.push(bytes);
    stream.end();
    parentPort.postMessage({ id, ms: performance.now() - started });
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ failed: String(error) }));
`;

export interface MatchTimer {
  /** ms the matcher took on these physical lines, or Infinity when it passed `deadlineMs` */
  time(lines: readonly string[], deadlineMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function createMatchTimer(): Promise<MatchTimer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rootless-doctor-matcher-'));
  const matcher = path.join(dir, 'stream-matcher.mjs');
  buildSync({
    entryPoints: [path.join(PROJECT_DIR, 'src/match/stream-matcher.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: matcher,
    logLevel: 'warning',
  });
  const startWorker = () => startMatcherWorker(matcher);
  let worker = await startWorker();
  let next = 0;
  return {
    time(lines, deadlineMs) {
      const id = next++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          worker.off('message', onMessage);
          // the regex is still running: the only way to stop it is to end the thread
          void worker
            .terminate()
            .then(startWorker)
            .then((fresh) => {
              worker = fresh;
              resolve(Infinity);
            }, reject);
        }, deadlineMs);
        const onMessage = (message: { id: number; ms: number }) => {
          if (message.id !== id) return;
          clearTimeout(timer);
          worker.off('message', onMessage);
          resolve(message.ms);
        };
        worker.on('message', onMessage);
        worker.postMessage({ id, lines });
      });
    },
    async close() {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function startMatcherWorker(matcher: string): Promise<Worker> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { dist: DIST_DIR, matcher: pathToFileURL(matcher).href },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: { ready?: true; failed?: string }) => {
      if (message.ready) resolve(worker);
      else reject(new Error(`matcher worker: ${message.failed}`));
    });
  });
}
