import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDockerDocs } from '../../src/authoring/import-docker-docs.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { normalizeLine } from '../../src/match/normalize-line.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';

const sample = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/import/rootless-page-sample.md'),
  'utf8',
);
const drafts = importDockerDocs(sample, { url: 'https://docs.example/rootless/' });
const frontMatter = (id: string) => {
  const text = drafts.find((d) => d.id === id)?.text ?? '';
  return parse(text.split('---\n')[1] ?? '');
};

describe('importDockerDocs', () => {
  it('writes one draft per bold item of the Troubleshooting section only', () => {
    expect(drafts.map((d) => d.id)).toEqual([
      'self-exe-no-space-left-device',
      'bus-no-such-file-or-directory',
      'file-exit-status-lchown-invalid-argument',
      'ipaddress-shown-inspect-unreachable',
    ]);
  });

  it('escapes the error into a signature and keeps it as the match example', () => {
    const entry = frontMatter('self-exe-no-space-left-device');
    expect(entry.signatures).toEqual([
      {
        regex:
          '\\[rootlesskit:parent\\] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
      },
    ]);
    expect(entry.examples.match).toEqual([
      {
        text: '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
      },
    ]);
    expect(entry.examples['no-match']).toEqual([
      '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on',
    ]);
  });

  it('derives a sysctl probe from a cat /proc/sys block and a fix from the sysctl.conf sentence', () => {
    const entry = frontMatter('self-exe-no-space-left-device');
    expect(entry.probes).toEqual([
      {
        id: 'user-max-user-namespaces',
        kind: 'sysctl',
        key: 'user.max_user_namespaces',
        confirms: { equals: '0' },
      },
    ]);
    expect(entry.fixes).toEqual([
      {
        text: 'Set user.max_user_namespaces=28633 now and on every boot.',
        command:
          "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/99-rootless.conf && sudo sysctl --system",
        root: true,
      },
    ]);
  });

  it('takes the quoted error out of "X fails with ..." and keeps links', () => {
    const entry = frontMatter('bus-no-such-file-or-directory');
    expect(entry.signatures).toEqual([
      { regex: 'Failed to connect to bus: No such file or directory' },
    ]);
    expect(entry.links).toEqual([
      'https://docs.example/rootless/',
      'https://rootlesscontaine.rs/getting-started/common/login/',
    ]);
  });

  it('decodes entities and escapes in a quoted error as well as in a bold one', () => {
    const markdown = [
      '## Troubleshooting',
      '',
      '**`x` fails with "lchown &lt;FILE&gt;: bad\\_arg &amp; \\*more\\* &#39;q&#39;"**',
      '',
      'Text.',
      '',
      '**plain &quot;quoted&quot; \\_x\\_**',
      '',
      'Text.',
    ].join('\n');
    const [quoted, bold] = importDockerDocs(markdown).map((d) => parse(d.text.split('---\n')[1]!));
    expect(quoted.signatures).toEqual([
      { regex: "lchown (?<file>[^\\s:]+): bad_arg & \\*more\\* 'q'" },
    ]);
    expect(quoted.examples.match).toEqual([
      { text: "lchown /usr/share/doc/example: bad_arg & *more* 'q'" },
    ]);
    expect(bold.signatures).toEqual([{ regex: 'plain "quoted" _x_' }]);
  });

  it('turns <FILE> placeholders into named captures and grep of /etc/subuid into a subid probe', () => {
    const entry = frontMatter('file-exit-status-lchown-invalid-argument');
    expect(entry.signatures[0].regex).toBe(
      'failed to register layer: Error processing tar file\\(exit status 1\\): lchown (?<file>[^\\s:]+): invalid argument',
    );
    expect(entry.captures).toEqual({ file: '[^\\s:]{1,4096}' });
    expect(entry.probes).toEqual([
      { id: 'subuid-range', kind: 'subid', file: '/etc/subuid', confirms: { missing: true } },
    ]);
  });

  it('marks expected behaviour as info', () => {
    expect(frontMatter('ipaddress-shown-inspect-unreachable').severity).toBe('info');
    expect(frontMatter('self-exe-no-space-left-device').severity).toBe('error');
  });

  it('produces drafts that pass kb lint', () => {
    const result = compileKb(
      drafts.map((d) => ({ path: `drafts/${d.id}.md`, text: d.text })),
      { normalize: normalizeLine, checkSafety: false, probeKinds: PROBE_KINDS },
    );
    expect(result.issues).toEqual([]);
    expect(result.ruleSet.entries).toHaveLength(4);
  });
});
