import { describe, expect, it } from 'vitest';
import type { VersionedComponent } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { FakeCommand } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

async function version(
  component: VersionedComponent,
  within: string,
  commands: Record<string, FakeCommand>,
) {
  const host = createFakeHost({ commands });
  const result = await runProbe(
    { id: `affects-${component}`, kind: 'version', component, confirms: { within } },
    host,
  );
  return { ...result, ran: host.ran };
}

describe('version probes', () => {
  it('confirms inside the range, with the program and version as evidence', async () => {
    const result = await version('docker', '>=20.10.0 <20.10.25', {
      'dockerd --version': { stdout: 'Docker version 20.10.24+dfsg1, build 297e128\n' },
    });
    expect(result).toEqual({
      id: 'affects-docker',
      verdict: 'confirmed',
      evidence: 'dockerd --version: 20.10.24',
      ran: [['dockerd', '--version']],
    });
  });

  it('rules out outside the range', async () => {
    const result = await version('rootlesskit', '<2.0.0', {
      'rootlesskit --version': { stdout: 'rootlesskit version 2.3.4\n' },
    });
    expect(result.verdict).toBe('ruled-out');
    expect(result.evidence).toBe('rootlesskit --version: 2.3.4');
  });

  it('cannot tell when the program is missing or prints no version', async () => {
    expect(await version('slirp4netns', '<1.0.0', {})).toMatchObject({
      verdict: 'unknown',
      evidence: 'slirp4netns --version: command not found',
    });
    expect(
      await version('runc', '<1.0.0', { 'runc --version': { stdout: 'usage: runc\n' } }),
    ).toMatchObject({
      verdict: 'unknown',
      evidence: 'runc --version: printed no version',
    });
  });
});
