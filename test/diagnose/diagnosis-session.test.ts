import { describe, expect, test } from 'vitest';
import {
  DiagnosisSession,
  MAX_SUGGESTIONS,
  type DiagnosisSessionOptions,
  type SessionEvent,
} from '../../src/diagnose/diagnosis-session.js';
import type { ProbeResult } from '../../src/probe/types.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { compileMatcher } from '../../src/match/stream-matcher.js';
import { jsonReporter } from '../../src/report/json-reporter.js';
import { createReportSink } from '../../src/report/report-sink.js';
import { createTextReporter } from '../../src/report/text-reporter.js';
import { makeEntry } from '../helpers/make-entry.js';

const NOSPACE = makeEntry({
  id: 'max-user-namespaces-too-low',
  signatures: [
    {
      regex: 'fork/exec /proc/self/exe: no space left on device',
      literal: 'fork/exec /proc/self/exe',
    },
  ],
});
const SUBUID = makeEntry({
  id: 'subuid-range-missing',
  severity: 'warning',
  signatures: [
    { regex: 'No subuid ranges found for user (?<user>[a-z]+)', literal: 'No subuid ranges found' },
  ],
  captures: { user: '[a-z]+' },
  fixes: [{ text: 'Add a range.', command: 'usermod {{user}}', root: true }],
});
const SETUP_FAILED = makeEntry({
  id: 'setuptool-rootlesskit-smoke-test-failed',
  role: 'consequence',
  signatures: [
    { regex: 'RootlessKit failed, see the error messages', literal: 'RootlessKit failed' },
  ],
});
const ENTRIES = [NOSPACE, SUBUID, SETUP_FAILED];

function setup(
  overrides: Partial<DiagnosisSessionOptions> = {},
  entries: CompiledEntry[] = ENTRIES,
) {
  const out: string[] = [];
  const warnings: string[] = [];
  const events: SessionEvent[] = [];
  const report = createReportSink(jsonReporter, (text) => out.push(text));
  const stream = new DiagnosisSession(
    {
      matcher: compileMatcher(entries),
      ignore: new Set(),
      suggest: async () => [{ id: 'max-user-namespaces-too-low', title: 'T', score: 0.25 }],
      warn: (message) => warnings.push(message),
      ...overrides,
    },
    (event) => {
      events.push(event);
      report(event);
    },
  );
  const push = (text: string) => stream.push(new TextEncoder().encode(text));
  const records = () =>
    out
      .join('')
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  return { stream, push, out, warnings, records, events };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('DiagnosisSession', () => {
  test('writes a diagnosis as soon as its line arrives, the summary only at the end', async () => {
    const { stream, push, records } = setup();
    push(
      'starting\n[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device\n',
    );
    await flush();
    expect(records().map((r) => [r.type, r.id, r.line])).toEqual([
      ['diagnosis', 'max-user-namespaces-too-low', 2],
    ]);
    const result = await stream.finish();
    expect(result.exitCode).toBe(1);
    expect(records().at(-1)).toEqual({
      type: 'summary',
      lines: 2,
      diagnoses: [{ id: 'max-user-namespaces-too-low', count: 1, verdict: 'unknown' }],
      suggestions: 0,
    });
  });

  test('repeats raise the count; new captures are a new diagnosis; ranking puts the cause first', async () => {
    const { stream, push, records } = setup();
    push(
      [
        'RootlessKit failed, see the error messages and https://rootlesscontaine.rs/getting-started/common/ .',
        'No subuid ranges found for user alice',
        'fork/exec /proc/self/exe: no space left on device',
        'No subuid ranges found for user alice',
        'No subuid ranges found for user bob',
        'fork/exec /proc/self/exe: no space left on device',
        '',
      ].join('\n'),
    );
    const { summary } = await stream.finish();
    expect(
      records()
        .filter((r) => r.type === 'diagnosis')
        .map((r) => [r.id, r.line, r.captures]),
    ).toEqual([
      ['setuptool-rootlesskit-smoke-test-failed', 1, {}],
      ['subuid-range-missing', 2, { user: 'alice' }],
      ['max-user-namespaces-too-low', 3, {}],
      ['subuid-range-missing', 5, { user: 'bob' }],
    ]);
    expect(records().find((r) => r.id === 'subuid-range-missing').fixes).toEqual([
      { text: 'Add a range.', command: "usermod 'alice'", root: true },
    ]);
    // same verdict and role: the more specific signature first; the consequence last; one cause
    // with two users is one line of the summary
    expect(summary.diagnoses).toEqual([
      { id: 'max-user-namespaces-too-low', count: 2, verdict: 'unknown' },
      { id: 'subuid-range-missing', count: 3, verdict: 'unknown' },
      { id: 'setuptool-rootlesskit-smoke-test-failed', count: 1, verdict: 'unknown' },
    ]);
  });

  test('probes run once per entry, and their verdict ranks and decides the exit code', async () => {
    const calls: string[] = [];
    const verdicts: Record<string, ProbeResult[]> = {
      'max-user-namespaces-too-low': [
        { id: 'limit', verdict: 'ruled-out', evidence: 'limit = 28633' },
      ],
      'subuid-range-missing': [{ id: 'line', verdict: 'confirmed', evidence: 'no line' }],
    };
    const { stream, push } = setup({
      probe: async (entry) => {
        calls.push(entry.id);
        return verdicts[entry.id] ?? [];
      },
    });
    push(
      'fork/exec /proc/self/exe: no space left on device\nNo subuid ranges found for user a\nNo subuid ranges found for user b\n',
    );
    const { summary, exitCode } = await stream.finish();
    expect(calls).toEqual(['max-user-namespaces-too-low', 'subuid-range-missing']);
    expect(summary.diagnoses.map((d) => [d.id, d.verdict])).toEqual([
      ['subuid-range-missing', 'confirmed'],
      ['max-user-namespaces-too-low', 'ruled-out'],
    ]);
    expect(exitCode).toBe(1);
  });

  test('output stays in input order when an earlier probe is slower', async () => {
    let release: (results: ProbeResult[]) => void = () => {};
    const { stream, push, records } = setup({
      probe: (entry) =>
        entry.id === 'max-user-namespaces-too-low'
          ? new Promise((resolve) => (release = resolve))
          : Promise.resolve([]),
    });
    push('fork/exec /proc/self/exe: no space left on device\nNo subuid ranges found for user a\n');
    await flush();
    expect(records()).toEqual([]);
    release([]);
    await stream.finish();
    expect(records().map((r) => r.type + ':' + (r.id ?? ''))).toEqual([
      'diagnosis:max-user-namespaces-too-low',
      'diagnosis:subuid-range-missing',
      'summary:',
    ]);
  });

  test('a failing probe runner leaves the verdict unknown', async () => {
    const { stream, push } = setup({ probe: () => Promise.reject(new Error('boom')) });
    push('fork/exec /proc/self/exe: no space left on device\n');
    expect((await stream.finish()).summary.diagnoses[0]?.verdict).toBe('unknown');
  });

  test('only ruled-out diagnoses: exit 0', async () => {
    const { stream, push } = setup({
      probe: async () => [{ id: 'x', verdict: 'ruled-out', evidence: 'no' }],
    });
    push('fork/exec /proc/self/exe: no space left on device\n');
    expect((await stream.finish()).exitCode).toBe(0);
  });

  test('--ignore drops an entry, and its lines do not become suggestions', async () => {
    const { stream, push, records } = setup({ ignore: new Set(['max-user-namespaces-too-low']) });
    push('error: fork/exec /proc/self/exe: no space left on device\n');
    const { exitCode } = await stream.finish();
    expect(records()).toEqual([{ type: 'summary', lines: 1, diagnoses: [], suggestions: 0 }]);
    expect(exitCode).toBe(0);
  });

  test('unmatched error lines become suggestions, deduplicated, at most MAX_SUGGESTIONS; exit 3', async () => {
    const { stream, push, records } = setup();
    push(
      'level=error msg="pull failed for image 1"\nlevel=error msg="pull failed for image 2"\nall good\n',
    );
    for (let i = 0; i < 30; i++) push(`level=error msg="distinct failure ${'x'.repeat(i)}"\n`);
    const { summary, exitCode } = await stream.finish();
    const suggestions = records().filter((r) => r.type === 'suggestion');
    expect(suggestions[0]).toEqual({
      type: 'suggestion',
      line: 1,
      text: 'level=error msg=pull failed for image 1',
      candidates: [{ id: 'max-user-namespaces-too-low', title: 'T', score: 0.25 }],
    });
    expect(suggestions[1].line).toBe(4);
    expect(suggestions).toHaveLength(MAX_SUGGESTIONS);
    expect(summary.suggestions).toBe(MAX_SUGGESTIONS);
    expect(exitCode).toBe(3);
  });

  test('cut lines are warned about, the first ten one by one', async () => {
    const { stream, push, warnings } = setup();
    for (let i = 0; i < 12; i++) push(`${'a'.repeat(70_000)}\n`);
    await stream.finish();
    expect(warnings[0]).toBe('line 1 longer than 65536 bytes was cut');
    expect(warnings.slice(10)).toEqual(['12 lines longer than 65536 bytes were cut in all']);
  });

  test('nothing at all: exit 0 and an empty summary', async () => {
    const { stream, records } = setup();
    expect((await stream.finish()).exitCode).toBe(0);
    expect(records()).toEqual([{ type: 'summary', lines: 0, diagnoses: [], suggestions: 0 }]);
  });
});

describe('DiagnosisSession: benign lines, routine levels, the most precise signature', () => {
  const BENIGN = makeEntry({
    id: 'benign-overlay2-native-diff-warning',
    severity: 'info',
    role: 'benign',
    signatures: ['Not using native diff for overlay2, this may cause degraded performance'],
  });
  const HINTED = makeEntry({
    id: 'apparmor-userns-restriction',
    signatures: [
      'fork/exec /proc/self/exe: permission denied',
      'apparmor_restrict_unprivileged_userns is set to 1 error=fork/exec /proc/self/exe: permission denied',
    ],
  });

  test('a benign warning is recognised: no diagnosis, no suggestion, exit 0', async () => {
    const { stream, push, records } = setup({}, [BENIGN]);
    push(
      'level=warning msg="Not using native diff for overlay2, this may cause degraded performance for building images: running in a user namespace" storage-driver=overlay2\n',
    );
    const result = await stream.finish();
    expect(result.exitCode).toBe(0);
    expect(records()).toEqual([{ type: 'summary', lines: 1, diagnoses: [], suggestions: 0 }]);
  });

  test('routine info-level records with an error= field are not suggested', async () => {
    const { stream, push, records } = setup({}, [BENIGN]);
    push(
      'time="2025-11-23T10:01:03Z" level=info msg="skip loading plugin \\"io.containerd.snapshotter.v1.zfs\\"..." error="path must be a zfs filesystem" type=io.containerd.snapshotter.v1\n' +
        "Unable to find image 'alpine:latest' locally\n" +
        'time="2025-11-23T10:01:03Z" level=error msg="failed to mount widget"\n',
    );
    const result = await stream.finish();
    expect(records().map((r) => [r.type, r.line])).toEqual([
      ['suggestion', 3],
      ['summary', undefined],
    ]);
    expect(result.exitCode).toBe(3);
  });

  test('a line matched by several signatures of one entry is ranked by the most specific', async () => {
    const { stream, push } = setup({}, [HINTED]);
    push(
      'time="2025-11-23T09:14:50Z" level=warning msg="This error might have happened because /proc/sys/kernel/apparmor_restrict_unprivileged_userns is set to 1" error="fork/exec /proc/self/exe: permission denied"\n',
    );
    const result = await stream.finish();
    expect(result.summary.diagnoses).toEqual([
      { id: 'apparmor-userns-restriction', count: 1, verdict: 'unknown' },
    ]);
    const compiled = compileMatcher([HINTED]).table;
    expect(Array.from(compiled.tryOrder)).toEqual([1, 0]);
  });
});

describe('DiagnosisSession: regressions and the versions a log states', () => {
  const REGRESSION = makeEntry({
    id: 'widget-regression',
    signatures: [{ regex: 'widget broke: (?<what>[a-z]+)', literal: 'widget broke' }],
    captures: { what: '[a-z]+' },
    affects: { docker: '>=28.0.0 <28.0.2' },
    probes: [
      {
        id: 'affects-docker',
        kind: 'version',
        component: 'docker',
        confirms: { within: '>=28.0.0 <28.0.2' },
      },
    ],
  });

  /** each chunk is pushed after the diagnoses of the previous one were written */
  const verdicts = async (...chunks: string[]) => {
    const { stream, push, records } = setup({}, [REGRESSION]);
    for (const chunk of chunks) {
      push(chunk);
      await flush();
    }
    await stream.finish();
    return records()
      .filter((record) => record.type !== 'suggestion')
      .map((record) =>
        record.type === 'summary'
          ? record.diagnoses.map((d: { verdict: string }) => d.verdict)
          : record.verdict,
      );
  };

  test('a version inside the range confirms without probes, outside rules out, none leaves it unknown', async () => {
    expect(await verdicts('Docker version 28.0.1, build x\nwidget broke: badly\n')).toEqual([
      'confirmed',
      ['confirmed'],
    ]);
    expect(await verdicts('Docker version 28.0.2, build x\nwidget broke: badly\n')).toEqual([
      'ruled-out',
      ['ruled-out'],
    ]);
    expect(await verdicts('widget broke: badly\n')).toEqual(['unknown', ['unknown']]);
  });

  test('a version stated after the failure line decides the summary', async () => {
    expect(await verdicts('widget broke: badly\n', ' Server Version: 28.0.0\n')).toEqual([
      'unknown',
      ['confirmed'],
    ]);
  });

  test('a version stated later judges the diagnosis again: one verdict-updated event, same key', async () => {
    const { stream, push, events } = setup({}, [REGRESSION]);
    push('widget broke: badly\n');
    await flush();
    push(' Server Version: 28.0.2\n');
    // a repeat of the statement, or another version of the same component, changes nothing
    push('Docker version 28.0.1, build x\n');
    await stream.finish();
    expect(
      events.map((event) =>
        event.type === 'diagnosis' || event.type === 'verdict-updated'
          ? [event.type, event.key, event.diagnosis.verdict]
          : event.type === 'summary'
            ? [event.type, event.summary.diagnoses.map((d) => d.verdict)]
            : [event.type],
      ),
    ).toEqual([
      ['found'],
      ['diagnosis', 'diagnosis-1', 'unknown'],
      ['verdict-updated', 'diagnosis-1', 'ruled-out'],
      ['summary', ['ruled-out']],
    ]);
    const updated = events.find((event) => event.type === 'verdict-updated');
    expect(updated?.type === 'verdict-updated' && updated.diagnosis.reason).toMatch(/^ruled out/);
  });

  test('the text summary marks a cause the log rules out after it was printed', async () => {
    const out: string[] = [];
    const session = new DiagnosisSession(
      { matcher: compileMatcher([REGRESSION]), suggest: () => [] },
      createReportSink(createTextReporter({ color: false }), (text) => out.push(text)),
    );
    session.push(new TextEncoder().encode('widget broke: badly\n'));
    await session.settled();
    session.push(new TextEncoder().encode(' Server Version: 28.0.2\n'));
    const { exitCode } = await session.finish();
    const [printed, summary] = [out.slice(0, -1).join(''), out.at(-1)!];
    // printed as it arrived, when nothing ruled it out yet
    expect(printed).toMatch(/^\S.* \[widget-regression\]\n/);
    expect(printed).not.toContain('ruled out');
    // the summary, printed last, says the verdict that stands
    expect(summary).toBe(
      [
        '2 lines read: 1 diagnosis (1 ruled out on this host).',
        '  1. Title of widget-regression [widget-regression] line 1, ×1, ruled out on this host',
        '',
      ].join('\n'),
    );
    expect(exitCode).toBe(0);
  });

  test('the log outweighs the installed version the host probe read', async () => {
    const hostSays: ProbeResult[] = [
      { id: 'affects-docker', verdict: 'ruled-out', evidence: 'dockerd --version: 29.1.0' },
    ];
    const log = 'Docker version 28.0.1, build x\nwidget broke: badly\n';
    const { stream, push, records } = setup({ probe: async () => hostSays }, [REGRESSION]);
    push(log);
    await stream.finish();
    expect(records()[0].probes).toEqual([
      {
        id: 'affects-docker',
        verdict: 'confirmed',
        evidence: 'the log shows docker 28.0.1, inside the affected range >=28.0.0 <28.0.2',
      },
    ]);
  });
});

describe('DiagnosisSession: a consequence alone names the command that shows why', () => {
  const COLLECT = {
    command: 'journalctl --user -u docker -n 50 --no-pager',
    text: 'The daemon log says why.',
  };
  const FAILED_SERVICE = makeEntry({
    id: 'daemon-failed-to-start',
    role: 'consequence',
    signatures: [
      { regex: 'Failed to start docker.service', literal: 'Failed to start docker.service' },
    ],
    collect: COLLECT,
  });
  const entries = [NOSPACE, FAILED_SERVICE];

  test('the summary carries it when the consequence ranks first', async () => {
    const { stream, push, records } = setup({}, entries);
    push('Failed to start docker.service - Docker Application Container Engine (Rootless).\n');
    await stream.finish();
    expect(records().at(-1).collect).toEqual({ id: 'daemon-failed-to-start', ...COLLECT });
  });

  test('not when a cause was found as well', async () => {
    const { stream, push, records } = setup({}, entries);
    push(
      'Failed to start docker.service\n[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device\n',
    );
    await stream.finish();
    const summary = records().at(-1);
    expect(summary.diagnoses.map((d: { id: string }) => d.id)).toEqual([
      'max-user-namespaces-too-low',
      'daemon-failed-to-start',
    ]);
    expect(summary).not.toHaveProperty('collect');
  });
});

describe('DiagnosisSession: values computed from the host fill fixes', () => {
  const MISSING = makeEntry({
    id: 'subuid-range-missing',
    signatures: [
      {
        regex: 'No subuid ranges found for user (?<user>[a-z]+)',
        literal: 'No subuid ranges found',
      },
    ],
    captures: { user: '[a-z]+' },
    fixes: [
      {
        text: 'Add a free range.',
        command:
          'sudo usermod --add-subuids {{free_subid_range}} --add-subgids {{free_subid_range}} {{user}}',
        root: true,
      },
    ],
  });
  const line = 'No subuid ranges found for user alice\n';

  test('with probes, the free range the host gives; the names it asked for and the captures it passed', async () => {
    const asked: unknown[] = [];
    const { stream, push, records } = setup(
      {
        hostValues: async (names, captures) => {
          asked.push([...names], captures);
          return { free_subid_range: '165536-231071' };
        },
      },
      [MISSING],
    );
    push(line);
    await stream.finish();
    expect(asked).toEqual([['free_subid_range'], { user: 'alice' }]);
    expect(records()[0].fixes[0].command).toBe(
      "sudo usermod --add-subuids '165536-231071' --add-subgids '165536-231071' 'alice'",
    );
  });

  test('without them (--no-probe) the placeholder stays: no guessed range that might be taken', async () => {
    const { stream, push, records } = setup({}, [MISSING]);
    push(line);
    await stream.finish();
    expect(records()[0].fixes[0].command).toBe(
      "sudo usermod --add-subuids {{free_subid_range}} --add-subgids {{free_subid_range}} 'alice'",
    );
  });
});

describe('DiagnosisSession: the best guess when nothing was recognised', () => {
  test('the summary names the candidate that came closest over every suggestion, and its line', async () => {
    const scores: Record<string, number> = { first: 0.7, second: 0.2 };
    const { stream, push, records } = setup({
      suggest: async (text) => {
        const word = text.includes('first') ? 'first' : 'second';
        return [{ id: `entry-${word}`, title: `Entry ${word}`, score: scores[word]! }];
      },
    });
    push('error: first odd failure\nerror: second odd failure\n');
    await stream.finish();
    expect(records().at(-1).guess).toEqual({
      id: 'entry-second',
      title: 'Entry second',
      score: 0.2,
      line: 2,
    });
  });

  test('no guess once something was diagnosed', async () => {
    const { stream, push, records } = setup();
    push(
      'error: odd failure\n[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device\n',
    );
    await stream.finish();
    expect(records().at(-1)).not.toHaveProperty('guess');
  });
});

describe('DiagnosisSession: weak signatures need a probe to confirm them', () => {
  const CFS = makeEntry({
    id: 'cgroup-controller-not-delegated',
    title: 'Controllers not delegated',
    signatures: [
      { regex: 'WARNING: No cpu cfs quota support', literal: 'No cpu cfs quota', weak: true },
    ],
  });
  const line = 'WARNING: No cpu cfs quota support\n';
  const run = async (probe?: DiagnosisSessionOptions['probe']) => {
    const { stream, push, records } = setup({ probe }, [CFS]);
    push(line);
    const { exitCode } = await stream.finish();
    return { exitCode, records: records() };
  };

  test('without probes the line is a guess naming the entry, never a diagnosis', async () => {
    const { exitCode, records } = await run();
    expect(exitCode).toBe(3);
    expect(records[0]).toEqual({
      type: 'suggestion',
      line: 1,
      text: 'WARNING: No cpu cfs quota support',
      candidates: [
        { id: 'cgroup-controller-not-delegated', title: 'Controllers not delegated', score: 0.1 },
      ],
    });
    expect(records.at(-1)).toMatchObject({
      diagnoses: [],
      suggestions: 1,
      guess: { id: 'cgroup-controller-not-delegated' },
    });
  });

  test('a probe that cannot tell leaves it a guess; one that confirms makes it a diagnosis', async () => {
    const unknown = await run(async () => [
      { id: 'p', verdict: 'unknown', evidence: 'no systemd' },
    ]);
    expect(unknown.records.map((record) => record.type)).toEqual(['suggestion', 'summary']);
    const confirmed = await run(async () => [
      { id: 'p', verdict: 'confirmed', evidence: 'cpu not in cgroup.controllers' },
    ]);
    expect(confirmed.exitCode).toBe(1);
    expect(confirmed.records.map((record) => [record.type, record.verdict])).toEqual([
      ['diagnosis', 'confirmed'],
      ['summary', undefined],
    ]);
  });
});

describe('DiagnosisSession: fixes fit the host', () => {
  const NOT_RUNNING = makeEntry({
    id: 'rootless-daemon-not-running',
    signatures: [
      {
        regex: 'Cannot connect to the Docker daemon',
        literal: 'Cannot connect to the Docker daemon',
      },
    ],
    fixes: [
      { text: 'Start the user unit.', command: 'systemctl --user start docker', root: false },
      { text: 'Without systemd, start it by hand.', command: 'dockerd-rootless.sh', root: false },
    ],
    collect: { command: 'journalctl --user -u docker -n 50 --no-pager', text: 'Why it stopped.' },
  });
  const run = async (systemd: boolean | undefined) => {
    const { stream, push, records } = setup({ hostFacts: () => Promise.resolve({ systemd }) }, [
      NOT_RUNNING,
    ]);
    push('Cannot connect to the Docker daemon at unix:///run/user/1000/docker.sock\n');
    await stream.finish();
    return records();
  };

  test('without systemd no fix or collect command drives it', async () => {
    const records = await run(false);
    expect(records[0].fixes.map((fix: { command: string }) => fix.command)).toEqual([
      'dockerd-rootless.sh',
    ]);
    expect(records.at(-1)).not.toHaveProperty('collect');
  });

  test('with systemd, or when it is not known, every fix stays', async () => {
    for (const systemd of [true, undefined]) {
      const records = await run(systemd);
      expect(records[0].fixes).toHaveLength(2);
      expect(records.at(-1).collect.command).toBe('journalctl --user -u docker -n 50 --no-pager');
    }
  });

  test('the host is looked at once, for the first diagnosis, and not at all without one', async () => {
    let asked = 0;
    const hostFacts = () => {
      asked += 1;
      return Promise.resolve({ systemd: false });
    };
    const quiet = setup({ hostFacts }, [NOT_RUNNING]);
    quiet.push('all good\nstill good\n');
    expect((await quiet.stream.finish()).exitCode).toBe(0);
    expect(asked).toBe(0);

    const { stream, push, records } = setup({ hostFacts }, [NOT_RUNNING]);
    push('Cannot connect to the Docker daemon at unix:///run/user/1000/docker.sock\n');
    push('Cannot connect to the Docker daemon at unix:///run/user/1001/docker.sock\n');
    await stream.finish();
    expect(asked).toBe(1);
    expect(records()[0].fixes.map((fix: { command: string }) => fix.command)).toEqual([
      'dockerd-rootless.sh',
    ]);
  });
});

test('one entry found with different captured values is one line of the summary, counted once per occurrence', async () => {
  const PORT = makeEntry({
    id: 'privileged-port-not-allowed',
    signatures: [
      {
        regex: 'cannot expose privileged port (?<port>\\d{1,5})',
        literal: 'cannot expose privileged port',
      },
    ],
    captures: { port: '\\d{1,5}' },
  });
  const { stream, push, records } = setup({}, [PORT]);
  push(
    'cannot expose privileged port 80\ncannot expose privileged port 443\ncannot expose privileged port 80\n',
  );
  await stream.finish();
  const all = records();
  // each distinct finding is written as it arrives...
  expect(all.filter((r) => r.type === 'diagnosis').map((r) => r.captures.port)).toEqual([
    '80',
    '443',
  ]);
  // ...and the summary names the cause once
  expect(all.at(-1).diagnoses).toEqual([
    { id: 'privileged-port-not-allowed', count: 3, verdict: 'unknown' },
  ]);
});
