import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { createFakeHost } from './fake-host.js';

function env(name: string, confirms: ProbeCondition, vars: Record<string, string>) {
  return runProbe({ id: 'e', kind: 'env', name, confirms }, createFakeHost({ env: vars }));
}

describe('env probes', () => {
  it.each([
    ['missing: true, unset', { missing: true }, {}, 'confirmed', 'XDG_RUNTIME_DIR is not set'],
    [
      'missing: true, empty counts as unset',
      { missing: true },
      { XDG_RUNTIME_DIR: '' },
      'confirmed',
      'XDG_RUNTIME_DIR is set but empty',
    ],
    [
      'missing: true, set',
      { missing: true },
      { XDG_RUNTIME_DIR: '/run/user/1000' },
      'ruled-out',
      'XDG_RUNTIME_DIR=/run/user/1000',
    ],
    [
      'missing: false, set',
      { missing: false },
      { XDG_RUNTIME_DIR: '/run/user/1000' },
      'confirmed',
      'XDG_RUNTIME_DIR=/run/user/1000',
    ],
    [
      'equals, satisfied',
      { equals: '/run/user/1000' },
      { XDG_RUNTIME_DIR: '/run/user/1000' },
      'confirmed',
      'XDG_RUNTIME_DIR=/run/user/1000',
    ],
    [
      'equals, not satisfied',
      { equals: '/run/user/1000' },
      { XDG_RUNTIME_DIR: '/tmp' },
      'ruled-out',
      'XDG_RUNTIME_DIR=/tmp',
    ],
    [
      'matches, satisfied',
      { matches: '^/run/user/\\d+$' },
      { XDG_RUNTIME_DIR: '/run/user/1000' },
      'confirmed',
      'XDG_RUNTIME_DIR=/run/user/1000',
    ],
    [
      'matches, not satisfied',
      { matches: '^/run/user/\\d+$' },
      { XDG_RUNTIME_DIR: '/tmp/x' },
      'ruled-out',
      'XDG_RUNTIME_DIR=/tmp/x',
    ],
    ['unset fails matches', { matches: '.' }, {}, 'ruled-out', 'XDG_RUNTIME_DIR is not set'],
  ] as const)('%s', async (_name, confirms, vars, verdict, evidence) => {
    expect(await env('XDG_RUNTIME_DIR', confirms, vars)).toEqual({ id: 'e', verdict, evidence });
  });

  it('caps a long value and strips control characters in evidence', async () => {
    const result = await env(
      'DOCKER_HOST',
      { missing: true },
      { DOCKER_HOST: `unix:///x\u001b[31m${'a'.repeat(300)}` },
    );
    expect(result.evidence).toBe(`DOCKER_HOST=unix:///x [31m${'a'.repeat(105)}…`);
  });
});
