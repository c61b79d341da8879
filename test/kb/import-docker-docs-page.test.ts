// The importer on a verbatim copy of Docker's troubleshooting page: docker/docs at commit
// 0571430b6a9c6ff1742baede7c265c3c5e9e3322, content/manuals/engine/security/rootless/troubleshoot.md.
// Items under `###` and `####` headings and as bold paragraphs, Hugo tabs, `&lt;FILE&gt;` entities
// and `\[` escapes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDockerDocs } from '../../src/authoring/import-docker-docs.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { normalizeLine } from '../../src/match/normalize-line.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';

const page = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/import/docker-docs-troubleshoot.md'),
  'utf8',
);
const drafts = importDockerDocs(page);

interface FrontMatter {
  title: string;
  tags: string[];
  signatures: { regex: string }[];
  captures?: Record<string, string>;
  probes?: unknown[];
  fixes: { text: string; command?: string }[];
  examples: { match: { text: string }[]; 'no-match': string[] };
}
const entries = drafts.map((draft) => {
  const [, yaml = '', ...body] = draft.text.split('---\n');
  return { id: draft.id, data: parse(yaml) as FrontMatter, body: body.join('---\n') };
});
const entry = (id: string) => entries.find((e) => e.id === id)!;

/** every string of a draft as a reader sees it: all but the regexes, which escape on purpose */
function readableText(e: (typeof entries)[number]): string[] {
  const strings: string[] = [e.body];
  const visit = (value: unknown, key: string) => {
    if (key === 'signatures' || key === 'captures') return;
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(e.data, '');
  return strings;
}

describe('importDockerDocs on Docker’s troubleshooting page', () => {
  it('drafts every item of the page, 17 problems and 1 debugging tip, in page order', () => {
    expect(entries.map((e) => [e.id, e.data.title])).toEqual([
      [
        'unable-install-systemd-systemd-present-system',
        'Unable to install with systemd when systemd is present on the system',
      ],
      [
        'proc-self-exe-operation-not-permitted',
        '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operatio…',
      ],
      [
        'self-exe-no-space-left-device',
        '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space…',
      ],
      [
        'subuid-ranges-found-for-user-testuser',
        '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: N…',
      ],
      ['could-not-get-xdg-runtime-dir', 'could not get XDG_RUNTIME_DIR'],
      ['bus-no-such-file-or-directory', 'Failed to connect to bus: No such file or directory'],
      ['daemon-does-not-start-up-automatically', 'The daemon does not start up automatically'],
      [
        'file-exit-status-lchown-invalid-argument',
        'docker: failed to register layer: Error processing tar file(exit status 1): lchown <FILE>…',
      ],
      [
        'stdout-stderr-lchown-operation-not-permitted',
        'docker: failed to register layer: ApplyLayer exit status 1 stdout:  stderr: lchown <FILE>…',
      ],
      [
        'read-connection-reset-by-peer-unknown',
        'docker: Error response from daemon: OCI runtime create failed: ...: read unix @->/run/sys…',
      ],
      ['memory-and-pids-limit-are-ignored', '--cpus, --memory, and --pids-limit are ignored'],
      ['cannot-expose-privileged-port', 'cannot expose privileged port'],
      ['ping-doesnt-work', "Ping doesn't work"],
      ['ipaddress-shown-inspect-unreachable', 'IPAddress shown in docker inspect is unreachable'],
      [
        'doesnt-listen-ports-host-network-namespace',
        "--net=host doesn't listen ports on the host network namespace",
      ],
      ['network-slow', 'Network is slow'],
      [
        'does-not-propagate-source-ip-addresses',
        'docker run -p does not propagate source IP addresses',
      ],
      ['entering-into-dockerd-namespaces', 'Entering into dockerd namespaces'],
    ]);
  });

  it('tags each item with the heading it is grouped under, whatever its level', () => {
    expect(entries.map((e) => e.data.tags[0])).toEqual([
      'troubleshooting',
      ...Array<string>(6).fill('starting-daemon'),
      'pull',
      'pull',
      'run',
      'run',
      ...Array<string>(6).fill('networking'),
      'tips-for-debugging',
    ]);
  });

  it('leaves no shortcode, HTML entity or markdown escape in what a reader sees', () => {
    for (const e of entries) {
      for (const text of readableText(e)) {
        expect(text, e.id).not.toMatch(/\{\{[<%]|[>%]\}\}/);
        expect(text, e.id).not.toMatch(/&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/i);
        expect(text, e.id).not.toMatch(/\\[!-/:-@[-`{-~]/);
      }
    }
  });

  it('writes signatures against the decoded error, so each match example is matched', () => {
    for (const e of entries) {
      const [example] = e.data.examples.match;
      expect(example, e.id).toBeDefined();
      const matched = e.data.signatures.some((s) =>
        new RegExp(s.regex).test(normalizeLine(example!.text)),
      );
      expect(matched, `${e.id}: ${example!.text}`).toBe(true);
    }
    expect(entry('stdout-stderr-lchown-operation-not-permitted').data.signatures).toEqual([
      {
        regex:
          'failed to register layer: ApplyLayer exit status 1 stdout:  stderr: lchown (?<file>[^\\s:]+): operation not permitted',
      },
    ]);
    expect(entry('read-connection-reset-by-peer-unknown').data.examples.match).toEqual([
      {
        text: 'docker: Error response from daemon: OCI runtime create failed: ...: read unix @->/run/systemd/private: read: connection reset by peer: unknown.',
      },
    ]);
    expect(entry('cannot-expose-privileged-port').data.signatures).toEqual([
      { regex: 'cannot expose privileged port' },
    ]);
  });

  it('keeps a group’s intro out of the item before it', () => {
    const ignored = entry('memory-and-pids-limit-are-ignored');
    expect(ignored.data.probes).toBeUndefined();
    expect(ignored.data.fixes).toEqual([
      { text: 'This is an expected behavior on cgroup v1 mode.', root: false },
    ]);
    expect(ignored.body).not.toContain('Network driver');
    expect(entry('ping-doesnt-work').data.probes).toEqual([
      {
        id: 'net-ipv4-ping-group-range',
        kind: 'sysctl',
        key: 'net.ipv4.ping_group_range',
        confirms: { equals: '1 0' },
      },
    ]);
  });

  it('keeps sub-headings of an item and the text of every tab, labelled', () => {
    expect(entry('network-slow').body).toContain(
      '##### Workaround 2: disable user-mode TCP/IP stack',
    );
    const body = entry('does-not-propagate-source-ip-addresses').body;
    expect(body).toContain(
      "*RootlessKit v3.0 or later:*\nThis is because Docker Engine's `userland-proxy` is incompatible",
    );
    expect(body).toContain(
      "*Prior versions:*\nThis is because RootlessKit's `builtin` port didn't support",
    );
  });

  it('produces drafts that kb lint reports clean, regex safety included', () => {
    const result = compileKb(
      drafts.map((d) => ({ path: `drafts/${d.id}.md`, text: d.text })),
      { normalize: normalizeLine, checkSafety: true, probeKinds: PROBE_KINDS },
    );
    expect(result.issues).toEqual([]);
    expect(result.ruleSet.entries).toHaveLength(18);
  });
});
