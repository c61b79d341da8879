import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/check/types.js';
import { runChecks } from '../../src/check/run-checks.js';
import { pass, fail } from '../../src/check/check-outcome.js';
import { checkContext } from './hosts.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const passing: Check = { id: 'ok', label: 'ok', entry: 'e-ok', run: async () => pass('fine') };
const throwing: Check = {
  id: 'boom',
  label: 'boom',
  entry: 'e-boom',
  run: async () => {
    throw new Error('cannot stat /x');
  },
};
const hanging: Check = {
  id: 'hang',
  label: 'hang',
  entry: 'e-hang',
  run: () => new Promise(() => {}),
};
const slowFail: Check = {
  id: 'slow',
  label: 'slow',
  entry: 'e-slow',
  run: async () => (await delay(150), fail('\u001b[2Jbad\nvalue', 'other-entry')),
};

describe('running checks', () => {
  it('isolates a check that throws and one that hangs; the rest still report, in list order', async () => {
    const started = Date.now();
    const context = await checkContext({}, { commandTimeoutMs: 100 });
    const results = await runChecks([throwing, hanging, slowFail, passing], context, {
      checkTimeoutMs: 300,
    });
    expect(Date.now() - started).toBeLessThan(600);
    expect(results).toEqual([
      { id: 'boom', label: 'boom', status: 'error', evidence: 'check failed: cannot stat /x' },
      {
        id: 'hang',
        label: 'hang',
        status: 'warn',
        evidence: 'no answer within 300 ms',
        entry: 'e-hang',
      },
      { id: 'slow', label: 'slow', status: 'fail', evidence: '[2Jbad value', entry: 'other-entry' },
      { id: 'ok', label: 'ok', status: 'pass', evidence: 'fine' },
    ]);
  });

  it('skips a check that does not apply without running it', async () => {
    const systemdOnly: Check = { ...throwing, id: 'needs-systemd', requires: ['systemd'] };
    const rootless: Check = { ...throwing, id: 'per-user', requires: ['non-root'] };
    const context = await checkContext({
      user: { uid: 0, gid: 0, name: 'root' },
      files: { '/proc/1/comm': 'openrc-init\n' },
    });
    expect(await runChecks([systemdOnly, rootless], context)).toEqual([
      {
        id: 'needs-systemd',
        label: 'boom',
        status: 'skip',
        evidence: 'no systemd: PID 1 is openrc-init',
      },
      {
        id: 'per-user',
        label: 'boom',
        status: 'skip',
        evidence: 'not for root: rootless Docker runs as an ordinary user (`check --user NAME`)',
      },
    ]);
  });

  it('keeps a fix the check chose only for a failure', async () => {
    const fix = { text: 'Do this.', command: 'true', root: false };
    const withFix: Check = { ...passing, id: 'fixed', run: async () => fail('broken', 'e', fix) };
    expect(await runChecks([withFix], await checkContext({}))).toEqual([
      { id: 'fixed', label: 'ok', status: 'fail', evidence: 'broken', entry: 'e', fix },
    ]);
  });

  it('runs checks concurrently', async () => {
    const started = Date.now();
    await runChecks(
      [slowFail, { ...slowFail, id: 'slow2' }, { ...slowFail, id: 'slow3' }],
      await checkContext({}),
    );
    expect(Date.now() - started).toBeLessThan(400);
  });
});
