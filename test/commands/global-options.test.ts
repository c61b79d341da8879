import { describe, expect, it } from 'vitest';
import { resolveColor, toGlobalOptions } from '../../src/commands/global-options.js';
import { mistypedCommand } from '../../src/commands/nearest-command.js';

const VALUES = { json: false, 'no-probe': false, ignore: [], 'no-color': false };
const tty = { isTTY: true } as never;
const pipe = { isTTY: false } as never;

describe('toGlobalOptions', () => {
  it('joins --ignore lists and drops empty ids', () => {
    const resolved = toGlobalOptions(
      { ...VALUES, ignore: ['a, b', ',c,'], 'no-probe': true },
      { env: {}, stdout: pipe },
    );
    expect(resolved).toEqual({
      options: { json: false, probe: false, ignore: ['a', 'b', 'c'], color: false },
    });
  });

  it('refuses a --host-root that is not a root file system', () => {
    expect(
      toGlobalOptions({ ...VALUES, 'host-root': '/nonexistent-root' }, { env: {}, stdout: pipe }),
    ).toEqual({ problem: '--host-root /nonexistent-root: no such directory' });
  });
});

describe('resolveColor', () => {
  it.each([
    [false, {}, tty, true],
    [false, {}, pipe, false],
    [true, {}, tty, false],
    [false, { NO_COLOR: '1' }, tty, false],
    [false, { FORCE_COLOR: '1' }, pipe, true],
    [false, { FORCE_COLOR: '0' }, tty, false],
  ])('--no-color %s, env %j → %s', (noColor, env, stdout, expected) => {
    expect(resolveColor(noColor, { env, stdout })).toBe(expected);
  });
});

describe('mistypedCommand', () => {
  const commands = ['check', 'search', 'show'];
  it('names the command meant by a word that is neither a command nor a file', () => {
    expect(mistypedCommand('chek', commands, () => false)).toBe(
      'unknown command `chek`; did you mean `check`?',
    );
    expect(mistypedCommand('serach', commands, () => false)).toBe(
      'unknown command `serach`; did you mean `search`?',
    );
  });

  it('leaves files, `-` and words near no command to pipe mode', () => {
    expect(mistypedCommand('chek', commands, () => true)).toBeUndefined();
    expect(mistypedCommand('-', commands, () => false)).toBeUndefined();
    expect(mistypedCommand('saved.log', commands, () => false)).toBeUndefined();
    expect(mistypedCommand('xyzzy', commands, () => false)).toBeUndefined();
  });
});
