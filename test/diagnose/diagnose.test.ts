import { describe, expect, test } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import type { Finding } from '../../src/match/finding.js';
import { makeEntry } from '../helpers/make-entry.js';

const ENTRY = makeEntry({
  id: 'subuid-range-missing',
  title: 'The user has no subordinate UID/GID range',
  summary: 'No line for the user in /etc/subuid.',
  tags: ['subuid'],
  signatures: ['No subuid ranges found for user (?<user>[a-z]+)'],
  captures: { user: '[a-z_][a-z0-9_-]*' },
  fixes: [
    {
      text: 'Add a range.',
      command: 'sudo usermod --add-subuids 100000-165535 {{user}}',
      root: true,
    },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
});
const FINDING: Finding = {
  entryId: 'subuid-range-missing',
  signature: 0,
  captures: { user: 'alice' },
  firstLine: 7,
  lastLine: 9,
  count: 2,
  text: 'No subuid ranges found for user alice',
};

describe('diagnose', () => {
  test('combines entry, finding and probe results into a Diagnosis', () => {
    expect(
      diagnose(ENTRY, FINDING, [
        { id: 'subuid-line', verdict: 'confirmed', evidence: '/etc/subuid: no line for alice' },
      ]),
    ).toEqual({
      id: 'subuid-range-missing',
      title: 'The user has no subordinate UID/GID range',
      summary: 'No line for the user in /etc/subuid.',
      severity: 'error',
      verdict: 'confirmed',
      reason: 'confirmed: /etc/subuid: no line for alice',
      line: 7,
      lastLine: 9,
      count: 2,
      text: 'No subuid ranges found for user alice',
      captures: { user: 'alice' },
      probes: [
        { id: 'subuid-line', verdict: 'confirmed', evidence: '/etc/subuid: no line for alice' },
      ],
      fixes: [
        {
          text: 'Add a range.',
          command: "sudo usermod --add-subuids 100000-165535 'alice'",
          root: true,
        },
      ],
      links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
      tags: ['subuid'],
    });
  });

  test('verdict: every requirement confirmed, any ruled out wins, else cannot tell', () => {
    const probe = (verdict: 'confirmed' | 'ruled-out' | 'unknown') => ({
      id: verdict,
      verdict,
      evidence: '',
    });
    expect(diagnose(ENTRY, FINDING, []).verdict).toBe('unknown');
    expect(diagnose(ENTRY, FINDING, [probe('unknown'), probe('confirmed')]).verdict).toBe(
      'unknown',
    );
    expect(diagnose(ENTRY, FINDING, [probe('confirmed')]).verdict).toBe('confirmed');
    expect(diagnose(ENTRY, FINDING, [probe('confirmed'), probe('ruled-out')]).verdict).toBe(
      'ruled-out',
    );
  });
});

describe('diagnose: fixes that can lose data', () => {
  const LEFTOVERS = makeEntry({
    id: 'uninstall-leftovers',
    signatures: ['leftovers'],
    fixes: [
      { text: 'Look first.', command: 'ls ~/.local/share/docker', root: false },
      {
        text: 'Remove the data.',
        command: 'rootlesskit rm -rf ~/.local/share/docker',
        root: false,
        destructive: true,
      },
    ],
  });
  const finding: Finding = { ...FINDING, entryId: 'uninstall-leftovers', captures: {} };

  test('are offered, marked, only for a confirmed cause', () => {
    const confirmed = diagnose(LEFTOVERS, finding, [
      { id: 'p', verdict: 'confirmed', evidence: 'e' },
    ]);
    expect(confirmed.fixes).toEqual([
      { text: 'Look first.', command: 'ls ~/.local/share/docker', root: false },
      {
        text: 'Remove the data.',
        command: 'rootlesskit rm -rf ~/.local/share/docker',
        root: false,
        destructive: true,
      },
    ]);
    for (const verdict of ['unknown', 'ruled-out'] as const) {
      const other = diagnose(LEFTOVERS, finding, [{ id: 'p', verdict, evidence: 'e' }]);
      expect(other.fixes.map((fix) => fix.text)).toEqual(['Look first.']);
    }
    expect(diagnose(LEFTOVERS, finding, []).fixes).toHaveLength(1);
  });
});
