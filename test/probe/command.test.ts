import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { FakeCommand } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

const DBUS = 'systemctl --user is-active dbus';

async function command(
  argv: string[],
  confirms: ProbeCondition,
  commands: Record<string, FakeCommand>,
  timeoutMs?: number,
) {
  const host = createFakeHost({ commands, env: { HOME: '/home/alice' } });
  const result = await runProbe(
    { id: 'c', kind: 'command', argv, confirms },
    host,
    timeoutMs ? { timeoutMs } : {},
  );
  return { result, ran: host.ran };
}

describe('command probes', () => {
  it.each([
    [
      'equals, satisfied',
      { equals: 'inactive' },
      { stdout: 'inactive\n', exit: 3 },
      'confirmed',
      `${DBUS}: inactive`,
    ],
    [
      'equals, not satisfied',
      { equals: 'inactive' },
      { stdout: 'active\n' },
      'ruled-out',
      `${DBUS}: active`,
    ],
    [
      'matches, satisfied',
      { matches: '^(inactive|failed)$' },
      { stdout: 'failed\n', exit: 3 },
      'confirmed',
      `${DBUS}: failed`,
    ],
    [
      'matches, not satisfied',
      { matches: '^(inactive|failed)$' },
      { stdout: 'active\n' },
      'ruled-out',
      `${DBUS}: active`,
    ],
    [
      'exit, satisfied',
      { exit: 3 },
      { stdout: 'inactive\n', exit: 3 },
      'confirmed',
      `${DBUS}: exit 3`,
    ],
    [
      'exit, not satisfied',
      { exit: 3 },
      { stdout: 'active\n', exit: 0 },
      'ruled-out',
      `${DBUS}: exit 0`,
    ],
    [
      'exit of a command that printed nothing',
      { exit: 1 },
      { stderr: 'Failed to connect to bus', exit: 1 },
      'confirmed',
      `${DBUS}: exit 1`,
    ],
    [
      'a failure with no stdout read nothing',
      { equals: 'inactive' },
      { stderr: 'Failed to connect to bus: No such file or directory\n', exit: 1 },
      'unknown',
      `${DBUS}: exit 1: Failed to connect to bus: No such file or directory`,
    ],
    [
      'a missing program',
      { equals: 'active' },
      { failed: 'command not found' },
      'unknown',
      `${DBUS}: command not found`,
    ],
    [
      'commands off under --host-root',
      { equals: 'active' },
      { failed: 'commands are not run under --host-root' },
      'unknown',
      `${DBUS}: commands are not run under --host-root`,
    ],
    [
      'a timeout reported by the host',
      { equals: 'active' },
      { timeout: true },
      'unknown',
      `${DBUS}: no answer within 1000 ms`,
    ],
  ] as const)('%s', async (_name, confirms, answer, verdict, evidence) => {
    const { result, ran } = await command(['systemctl', '--user', 'is-active', 'dbus'], confirms, {
      [DBUS]: answer,
    });
    expect(result).toEqual({ id: 'c', verdict, evidence });
    expect(ran).toEqual([['systemctl', '--user', 'is-active', 'dbus']]);
  });

  it('a command that hangs is cut at the probe timeout and is unknown', async () => {
    const started = Date.now();
    const { result } = await command(
      ['systemctl', '--user', 'is-active', 'dbus'],
      { equals: 'active' },
      { [DBUS]: { hang: true } },
      200,
    );
    expect(result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence: 'systemctl --user is-active dbus: no answer within 200 ms',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('is unknown when the output was cut before the command exited and the condition is exit', async () => {
    const { result } = await command(
      ['journalctl', '--user', '-u', 'docker'],
      { exit: 0 },
      { 'journalctl --user -u docker': { stdout: 'x'.repeat(20_000) } },
    );
    expect(result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence: 'journalctl --user -u docker: output cut before it exited',
    });
  });

  it('matches on output cut at the cap', async () => {
    const { result } = await command(
      ['journalctl', '--user', '-u', 'docker'],
      { matches: '^x+$' },
      { 'journalctl --user -u docker': { stdout: 'x'.repeat(20_000) } },
    );
    expect(result.verdict).toBe('confirmed');
    expect(result.evidence).toBe(`journalctl --user -u docker: ${'x'.repeat(79)}…`);
  });

  it('refuses a program that is not allowlisted, without running anything', async () => {
    const { result, ran } = await command(['rm', '-rf', '/'], { exit: 0 }, { 'rm -rf /': {} });
    expect(result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence: 'rm -rf /: refused, `rm` is not on the probe allowlist',
    });
    expect(ran).toEqual([]);
  });

  it('refuses an allowlisted program used to change the host', async () => {
    const { result, ran } = await command(
      ['systemctl', '--user', 'start', 'docker'],
      { exit: 0 },
      {},
    );
    expect(result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence:
        'systemctl --user start docker: refused, `systemctl`: subcommand `start` is not read-only',
    });
    expect(ran).toEqual([]);
  });

  it('fills host variables into argv, and nothing else', async () => {
    const { ran } = await command(
      ['loginctl', 'show-user', '$USER', '-p', 'Linger'],
      { equals: 'Linger=yes' },
      {},
    );
    expect(ran).toEqual([['loginctl', 'show-user', 'alice', '-p', 'Linger']]);
    const refused = await command(['stat', '$PWD'], { exit: 0 }, {});
    expect(refused.result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence: "stat '$PWD': unsupported variable $PWD",
    });
    expect(refused.ran).toEqual([]);
  });

  it('a host that throws makes the probe unknown, not a crash', async () => {
    const { result } = await command(
      ['id', '-u'],
      { equals: '0' },
      { 'id -u': { throws: 'EMFILE: too many open files' } },
    );
    expect(result).toEqual({
      id: 'c',
      verdict: 'unknown',
      evidence: 'id -u: probe failed: EMFILE: too many open files',
    });
  });
});
