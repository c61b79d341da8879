// Pipe text as a user meets it at the end of input: diagnoses were printed as they arrived (a
// cause the log rules out may stand above the answer), and the ranked summary comes last, so it
// is what a user reads first after EOF: the answer ranked first, the ruled-out cause marked so.
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const RULED_OUT =
  'sysctl: cannot stat /proc/sys/net/ipv6/conf/all/forwarding: No such file or directory';
const CAUSE =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
// the log says which Docker printed it: 29.1.0 is outside the regression's range >=29.0.0 <29.0.2
const VERSION = 'Docker version 29.1.0, build 1234567';

describe('pipe text ends with the ranked summary', () => {
  test('arrival order above, the answer first in the summary, the ruled-out cause marked', async () => {
    const { code, stdout } = await runCli(['--no-probe'], {
      input: `${RULED_OUT}\n${CAUSE}\n${VERSION}\n`,
    });
    const blocks = stdout.split('\n\n');
    const summary = blocks.pop()!.trimEnd().split('\n');
    // printed as they arrived: the regression first, above the answer
    expect(blocks.map((block) => /\[([a-z0-9-]+)\]/.exec(block.split('\n')[0]!)?.[1])).toEqual([
      'ipv6-disabled-kernel-sysctl',
      'max-user-namespaces-too-low',
    ]);
    expect(summary[0]).toBe('3 lines read: 2 diagnoses (1 ruled out on this host).');
    expect(summary.slice(1).map((line) => line.replace(/^ {2}\d+\. .* \[/, '['))).toEqual([
      '[max-user-namespaces-too-low] line 2, ×1',
      '[ipv6-disabled-kernel-sysctl] line 1, ×1, ruled out on this host',
    ]);
    expect(code).toBe(1);
  });
});
