import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/check/types.js';
import { runChecks } from '../../src/check/run-checks.js';
import { pass, fail } from '../../src/check/check-outcome.js';
import { createFakeHost } from '../probe/fake-host.js';

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
    const results = await runChecks([throwing, hanging, slowFail, passing], createFakeHost(), {
      checkTimeoutMs: 300,
      commandTimeoutMs: 100,
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

  it('runs checks concurrently', async () => {
    const started = Date.now();
    await runChecks(
      [slowFail, { ...slowFail, id: 'slow2' }, { ...slowFail, id: 'slow3' }],
      createFakeHost(),
    );
    expect(Date.now() - started).toBeLessThan(400);
  });
});
