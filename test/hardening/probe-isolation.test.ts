// No probe ever receives log text. Pipe mode runs (runPipe, with the probe runner it uses) over
// every KB example, clean and with hostile captures, against a fake host that records every
// command, path, program and variable it is asked about. Everything recorded must come from the
// KB's probe specs and the host's own values; nothing may contain input text.
//
// Timeouts and output caps of single probes are covered in test/probe: command.test.ts (a hanging
// command is cut at the probe timeout, output cut at the cap), node-host.test.ts (a real `sleep` is
// killed at its timeout, output capped and the child stopped), probe-entry.test.ts (probes run
// concurrently, each bounded). Here: that every command pipe mode runs asks for those bounds, and
// that a host whose commands all hang still lets a whole run finish.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runPipe } from '../../src/commands/pipe.js';
import type { CompiledEntry, ProbeSpec } from '../../src/kb/types.js';
import { VERSION_COMMANDS } from '../../src/probe/kinds/version.js';
import { createProbeRunner } from '../../src/probe/create-probe-runner.js';
import type { Host, RunOptions } from '../../src/probe/host.js';
import { sysctlPath } from '../../src/probe/kinds/sysctl.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../../src/probe/types.js';
import { createFakeHost, type FakeHostSpec } from '../probe/fake-host.js';
import { builtRuleSet, kbExamples } from './built-kb.js';

const CANARY = 'zqxcanary';
const HOME = '/home/alice';
const RUNTIME = '/run/user/1000';
const VALUES: Record<string, string> = {
  HOME,
  XDG_RUNTIME_DIR: RUNTIME,
  USER: 'alice',
  UID: '1000',
};
const PROBE_TIMEOUT_MS = 100;

interface Recorder {
  host: Host;
  calls: string[];
  runs: { argv: string[]; options: RunOptions }[];
}

function recording(host: Host): Recorder {
  const calls: string[] = [];
  const runs: Recorder['runs'] = [];
  return {
    calls,
    runs,
    host: {
      user: host.user,
      readFile: (path, options) => (calls.push(`read ${path}`), host.readFile(path, options)),
      stat: (path) => (calls.push(`stat ${path}`), host.stat(path)),
      isWritable: (path) => (calls.push(`writable ${path}`), host.isWritable(path)),
      env: (name) => (calls.push(`env ${name}`), host.env(name)),
      which: (name) => (calls.push(`which ${name}`), host.which(name)),
      run: (argv, options) => {
        calls.push(`run ${JSON.stringify(argv)}`);
        runs.push({ argv: [...argv], options });
        return host.run(argv, options);
      },
    },
  };
}

const entries = builtRuleSet().entries;
const binaryNames = entries.flatMap((e) =>
  e.probes.flatMap((p) => (p.kind === 'binary' ? [p.name] : [])),
);
const HOST_SPEC: FakeHostSpec = {
  env: { HOME, XDG_RUNTIME_DIR: RUNTIME },
  path: Object.fromEntries([...binaryNames, 'getcap'].map((name) => [name, `/usr/bin/${name}`])),
};

function expand(text: string): string {
  const home = text === '~' || text.startsWith('~/') ? `$HOME${text.slice(1)}` : text;
  return home.replace(
    /\$\{?(HOME|XDG_RUNTIME_DIR|USER|UID)\}?/g,
    (_m, name: string) => VALUES[name]!,
  );
}

/** Every host call a probe spec may make: its own targets, and what its kind looks at itself. */
function allowedCalls(spec: ProbeSpec): string[] {
  const expansion = ['env HOME', 'env XDG_RUNTIME_DIR'];
  switch (spec.kind) {
    case 'sysctl':
      return [`read ${sysctlPath(spec.key)}`];
    case 'file':
      return [...expansion, `stat ${expand(spec.path)}`, `read ${expand(spec.path)}`];
    case 'subid':
      return [`read ${spec.file}`, 'read /etc/nsswitch.conf'];
    case 'env':
      return [`env ${spec.name}`];
    case 'binary': {
      const path = `/usr/bin/${spec.name}`;
      return [
        `which ${spec.name}`,
        `stat ${path}`,
        'which getcap',
        `run ${JSON.stringify(['/usr/bin/getcap', path])}`,
      ];
    }
    case 'command':
      return [...expansion, `run ${JSON.stringify(spec.argv.map(expand))}`];
    case 'service':
      return [
        `run ${JSON.stringify(['systemctl', ...(spec.scope === 'user' ? ['--user'] : []), 'is-active', spec.unit])}`,
      ];
    case 'version':
      return [`run ${JSON.stringify(VERSION_COMMANDS[spec.component])}`];
    case 'user':
      return [];
  }
}

const HOSTILE = (value: string): string[] => [
  `${value}${CANARY}$(touch /tmp/${CANARY})`,
  `/tmp/${CANARY}/../../etc/shadow`,
  `${value}\`${CANARY}\`;${CANARY}|${CANARY}`,
  `${CANARY}`,
];

function hostileInput(): string {
  const lines = kbExamples().flatMap(({ text, captures }) => [
    text,
    `${text} ${CANARY}`,
    `${CANARY} $HOME ~ $(id) ${text}`,
    ...Object.values(captures ?? {})
      .filter((value) => value !== '' && text.includes(value))
      .flatMap((value) => HOSTILE(value).map((hostile) => text.replace(value, hostile))),
  ]);
  return `${lines.join('\n')}\n`;
}

async function runPipeMode(input: string, host: Host): Promise<{ stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  await runPipe(
    { json: true, probe: true, ignore: [], color: false },
    {
      stdin: Readable.from([Buffer.from(input)]),
      stdout,
      stderr,
      env: {},
      signal: new AbortController().signal,
    },
    { ruleSet: builtRuleSet(), probe: createProbeRunner(host, { timeoutMs: PROBE_TIMEOUT_MS }) },
  );
  return { stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

/** Entries pipe mode probed: the diagnosed ones, and those a weak line named as a guess. */
function diagnosedIds(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as {
          type: string;
          id?: string;
          candidates?: { id: string; score: number }[];
        },
    )
    .flatMap((record) => {
      if (record.type === 'diagnosis' && record.id) return [record.id];
      // a weak line's guess names exactly one entry, with the weak-match score
      const weak = record.type === 'suggestion' && record.candidates?.length === 1;
      return weak && record.candidates![0]!.score === 0.1 ? [record.candidates![0]!.id] : [];
    });
}

describe('probes in pipe mode, fed hostile log text', async () => {
  const recorder = recording(createFakeHost(HOST_SPEC));
  const input = hostileInput();
  const { stdout, stderr } = await runPipeMode(input, recorder.host);
  // entries whose every signature is weak are probed on each match, but the guess they become can
  // fall past the cap on suggestions, so they count as probed whether or not they show
  const allWeak = entries.filter((e) => e.signatures.every((signature) => signature.weak));
  const diagnosed = new Set([...diagnosedIds(stdout), ...allWeak.map((e) => e.id)]);
  // benign lines are recognised and never diagnosed, so never probed
  const probedEntries = entries.filter((e) => e.probes.length > 0 && e.role !== 'benign');

  it('probe every entry with probes, each once', () => {
    expect(stderr).toBe('');
    expect(probedEntries.filter((e) => !diagnosed.has(e.id)).map((e) => e.id)).toEqual([]);
    expect(recorder.runs.length).toBeGreaterThan(30);
  });

  it('never see input text in a command, path, program or variable name', () => {
    const leaked = recorder.calls.filter((call) => call.includes(CANARY) || call.includes('$('));
    expect(leaked).toEqual([]);
  });

  it('run only argv written in the KB (host values filled in), and look only at KB targets', () => {
    const allowed = new Set(probedEntries.flatMap((e) => e.probes.flatMap(allowedCalls)));
    expect([...new Set(recorder.calls)].filter((call) => !allowed.has(call))).toEqual([]);
  });

  it('make exactly the calls the entries alone make, with no log at all', async () => {
    const alone = recording(createFakeHost(HOST_SPEC));
    const runner = createProbeRunner(alone.host, { timeoutMs: PROBE_TIMEOUT_MS });
    await Promise.all(
      entries.filter((e) => diagnosed.has(e.id)).map((e: CompiledEntry) => runner(e)),
    );
    expect([...recorder.calls].sort()).toEqual([...alone.calls].sort());
  });

  it('ask for the time bound and the output cap on every command', () => {
    expect(
      recorder.runs.filter(
        (run) =>
          run.options.timeoutMs > PROBE_TIMEOUT_MS ||
          run.options.maxBytes !== MAX_COMMAND_OUTPUT_BYTES,
      ),
    ).toEqual([]);
  });
});

describe('a host whose every command hangs', () => {
  it('still lets pipe mode finish, each command probe unknown at its bound', async () => {
    const commands = Object.fromEntries(
      entries.flatMap((e) =>
        e.probes.flatMap((p) =>
          p.kind === 'command' ? [[p.argv.map(expand).join(' '), { hang: true as const }]] : [],
        ),
      ),
    );
    const host = createFakeHost({ ...HOST_SPEC, commands });
    const examples = entries.filter((e) => e.probes.some((p) => p.kind === 'command'));
    const input = examples.map((e) => e.examples.match[0]!.text).join('\n');
    const started = performance.now();
    const { stdout, stderr } = await runPipeMode(input, host);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stderr).toBe('');
    const records = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; probes?: { evidence: string }[] });
    const evidence = records.flatMap((r) => r.probes ?? []).map((p) => p.evidence);
    expect(
      evidence.filter((e) => e.endsWith(`no answer within ${PROBE_TIMEOUT_MS} ms`)).length,
    ).toBeGreaterThan(examples.length / 2);
    expect(records.at(-1)).toMatchObject({ type: 'summary' });
  });
});
