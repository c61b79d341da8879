import { describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/run-probe.js';
import type { FakeCommand } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

async function service(
  scope: 'user' | 'system',
  active: boolean,
  commands: Record<string, FakeCommand>,
) {
  const host = createFakeHost({ commands });
  const result = await runProbe(
    { id: 's', kind: 'service', unit: 'docker', scope, confirms: { active } },
    host,
  );
  return { result, ran: host.ran };
}

describe('service probes', () => {
  it.each([
    ['active: true, active', true, { stdout: 'active\n' }, 'confirmed', 'active'],
    ['active: true, inactive', true, { stdout: 'inactive\n', exit: 3 }, 'ruled-out', 'inactive'],
    ['active: false, inactive', false, { stdout: 'inactive\n', exit: 3 }, 'confirmed', 'inactive'],
    ['active: false, failed', false, { stdout: 'failed\n', exit: 3 }, 'confirmed', 'failed'],
    ['active: false, active', false, { stdout: 'active\n' }, 'ruled-out', 'active'],
    ['reloading counts as active', true, { stdout: 'reloading\n' }, 'confirmed', 'reloading'],
  ] as const)('%s', async (_name, active, answer, verdict, state) => {
    const { result, ran } = await service('user', active, {
      'systemctl --user is-active docker': answer,
    });
    expect(result).toEqual({
      id: 's',
      verdict,
      evidence: `systemctl --user is-active docker: ${state}`,
    });
    expect(ran).toEqual([['systemctl', '--user', 'is-active', 'docker']]);
  });

  it('asks the system manager for scope: system', async () => {
    const { result, ran } = await service('system', true, {
      'systemctl is-active docker': { stdout: 'active\n' },
    });
    expect(result.verdict).toBe('confirmed');
    expect(ran).toEqual([['systemctl', 'is-active', 'docker']]);
  });

  it('is unknown when systemctl cannot reach a manager', async () => {
    const answer = { stderr: 'Failed to connect to bus: No such file or directory\n', exit: 1 };
    expect(
      (await service('user', false, { 'systemctl --user is-active docker': answer })).result,
    ).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence:
        'systemctl --user is-active docker: exit 1: Failed to connect to bus: No such file or directory',
    });
  });

  it('is unknown when the answer is not a unit state', async () => {
    const { result } = await service('user', false, {
      'systemctl --user is-active docker': { stdout: 'something else\n', exit: 4 },
    });
    expect(result).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence: 'systemctl --user is-active docker: something else',
    });
  });

  it('is unknown when systemctl is missing or commands are off', async () => {
    const { result } = await service('user', true, {});
    expect(result).toEqual({
      id: 's',
      verdict: 'unknown',
      evidence: 'systemctl --user is-active docker: command not found',
    });
  });

  it('refuses a unit name that looks like an option', async () => {
    const host = createFakeHost();
    const result = await runProbe(
      { id: 's', kind: 'service', unit: '--now', scope: 'user', confirms: { active: true } },
      host,
    );
    expect(result).toEqual({ id: 's', verdict: 'unknown', evidence: '`--now` is not a unit name' });
    expect(host.ran).toEqual([]);
  });
});
