import { describe, expect, it } from 'vitest';
import type { ProbeCondition } from '../../src/kb/types.js';
import { runProbe } from '../../src/probe/run-probe.js';
import type { FakeHostSpec } from './fake-host.js';
import { createFakeHost } from './fake-host.js';

const NEWUIDMAP = '/usr/bin/newuidmap';
const onPath = { newuidmap: NEWUIDMAP, getcap: '/usr/sbin/getcap' };

async function binary(confirms: ProbeCondition, spec: FakeHostSpec) {
  const host = createFakeHost(spec);
  const result = await runProbe({ id: 'b', kind: 'binary', name: 'newuidmap', confirms }, host);
  return { result, ran: host.ran };
}

describe('binary probes', () => {
  it('missing: true confirms when the program is not on PATH', async () => {
    expect((await binary({ missing: true }, {})).result).toEqual({
      id: 'b',
      verdict: 'confirmed',
      evidence: 'newuidmap not found on PATH',
    });
  });

  it('missing: true rules out when it is on PATH, without running getcap', async () => {
    const { result, ran } = await binary(
      { missing: true },
      { path: onPath, files: { [NEWUIDMAP]: { mode: 0o755 } } },
    );
    expect(result).toEqual({
      id: 'b',
      verdict: 'ruled-out',
      evidence: 'newuidmap at /usr/bin/newuidmap',
    });
    expect(ran).toEqual([]);
  });

  it('missing: false confirms when it is on PATH', async () => {
    expect((await binary({ missing: false }, { path: onPath })).result.verdict).toBe('confirmed');
  });

  it.each([
    ['setuid root', { mode: 0o4755, uid: 0 }, {}, true, 'setuid root'],
    [
      'file capabilities',
      { mode: 0o755, uid: 0 },
      { stdout: `${NEWUIDMAP} cap_setuid=ep\n` },
      true,
      'file capabilities cap_setuid=ep',
    ],
    [
      'file capabilities, old getcap format',
      { mode: 0o755, uid: 0 },
      { stdout: `${NEWUIDMAP} = cap_setuid+ep\n` },
      true,
      'file capabilities cap_setuid+ep',
    ],
    [
      'neither',
      { mode: 0o755, uid: 0 },
      { stdout: '' },
      false,
      'no setuid bit, no file capabilities',
    ],
    [
      'setuid, but not owned by root',
      { mode: 0o4755, uid: 1000 },
      { stdout: '' },
      false,
      'setuid but owned by uid 1000, no file capabilities',
    ],
  ] as const)('privileged: %s', async (_name, file, getcap, privileged, description) => {
    const spec = {
      path: onPath,
      files: { [NEWUIDMAP]: file },
      commands: { [`/usr/sbin/getcap ${NEWUIDMAP}`]: getcap },
    };
    const evidence = `newuidmap at ${NEWUIDMAP}: ${description}`;
    expect((await binary({ privileged: true }, spec)).result).toEqual({
      id: 'b',
      verdict: privileged ? 'confirmed' : 'ruled-out',
      evidence,
    });
    expect((await binary({ privileged: false }, spec)).result).toEqual({
      id: 'b',
      verdict: privileged ? 'ruled-out' : 'confirmed',
      evidence,
    });
  });

  it('finds getcap in sbin when it is not on PATH', async () => {
    const spec = {
      path: { newuidmap: NEWUIDMAP },
      files: { [NEWUIDMAP]: { mode: 0o755 }, '/sbin/getcap': { mode: 0o755 } },
      commands: { [`/sbin/getcap ${NEWUIDMAP}`]: { stdout: '' } },
    };
    const { result, ran } = await binary({ privileged: false }, spec);
    expect(result.verdict).toBe('confirmed');
    expect(ran).toEqual([['/sbin/getcap', NEWUIDMAP]]);
  });

  it('is unknown without a setuid bit when getcap cannot answer', async () => {
    const noGetcap = { path: { newuidmap: NEWUIDMAP }, files: { [NEWUIDMAP]: { mode: 0o755 } } };
    expect((await binary({ privileged: false }, noGetcap)).result).toEqual({
      id: 'b',
      verdict: 'unknown',
      evidence:
        'newuidmap at /usr/bin/newuidmap: no setuid bit; file capabilities unknown (getcap: command not found)',
    });
    const hostRoot = {
      ...noGetcap,
      path: onPath,
      commands: {
        [`/usr/sbin/getcap ${NEWUIDMAP}`]: { failed: 'commands are not run under --host-root' },
      },
    };
    expect((await binary({ privileged: false }, hostRoot)).result.evidence).toBe(
      'newuidmap at /usr/bin/newuidmap: no setuid bit; file capabilities unknown (getcap: commands are not run under --host-root)',
    );
  });

  it('an absent binary is not privileged', async () => {
    expect((await binary({ privileged: false }, {})).result).toEqual({
      id: 'b',
      verdict: 'ruled-out',
      evidence: 'newuidmap not found on PATH',
    });
  });

  it('refuses a name that is a path or an option', async () => {
    const host = createFakeHost();
    const result = await runProbe(
      { id: 'b', kind: 'binary', name: '--help', confirms: { missing: true } },
      host,
    );
    expect(result).toEqual({
      id: 'b',
      verdict: 'unknown',
      evidence: '`--help` is not a program name',
    });
  });
});
