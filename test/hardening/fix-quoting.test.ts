// Captured values reach the fix commands a user copies. Whatever a log line puts in a capture
// (`$(…)`, backticks, `;`, quotes, newlines, unicode), the filled command must parse back, with a
// POSIX shell's word rules, to exactly the argv the KB author wrote with the value as one literal
// word part; a value that fails its capture pattern keeps the `{{name}}` placeholder. Nothing here
// is ever run: the commands are only parsed (shell-words.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillFix } from '../../src/diagnose/fill-fix.js';
import type { Fix } from '../../src/kb/types.js';
import { builtRuleSet } from './built-kb.js';
import { intendedArgv, PLACEHOLDER, withoutAuthorExpansions } from './intended-argv.js';
import { parseShellWords, ShellSyntaxError, splitCommandLine } from './shell-words.js';
import { HOST_VALUE_PATTERNS } from '../../src/kb/host-values.js';

const SEED = 20_261_123;

const HOSTILE_PARTS = [
  '$(touch /tmp/rootless-doctor-pwned)',
  '`id`',
  '$(',
  ')',
  '`',
  ';',
  '; rm -rf ~',
  '|',
  '&',
  '&&',
  '||',
  '>',
  '<',
  "'",
  "'\\''",
  '"',
  '\\',
  '\n',
  ' ',
  '\t',
  '$HOME',
  '${IFS}',
  "$'\\x41'",
  '*',
  '?',
  '[a]',
  '~',
  '#',
  '!',
  '{{port}}',
  '{{user}}',
  'é',
  '🙂',
  '\u202e',
  '\u00a0',
];

/** Values with hostile parts, and values that pass the pattern (so the fill branch runs too). */
function captureValue(pattern: string): fc.Arbitrary<string> {
  const valid = fc.stringMatching(new RegExp(`^(?:${pattern})$`));
  const hostile = fc
    .array(
      fc.oneof(
        fc.constantFrom(...HOSTILE_PARTS),
        fc.string({ unit: 'binary', maxLength: 3 }).map((s) => s.replaceAll('\u0000', '')),
        valid,
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(''));
  return fc.oneof(valid, hostile);
}

/** Fills each simple command of a template on its own and checks it parses to the intended argv. */
function expectFilledAsIntended(
  template: string,
  captures: Record<string, string>,
  patterns: Record<string, string>,
): void {
  for (const written of splitCommandLine(template).commands) {
    const command = withoutAuthorExpansions(written);
    const fix: Fix = { text: 'Fix it.', command, root: false };
    const filled = fillFix(fix, captures, patterns).command ?? '';
    expect({ command, captures, argv: parseShellWords(filled) }).toEqual({
      command,
      captures,
      argv: intendedArgv(command, captures, patterns),
    });
  }
}

describe('the test shell-word parser', () => {
  it.each([
    ['sudo tee /etc/sysctl.d/51-rootless.conf', ['sudo', 'tee', '/etc/sysctl.d/51-rootless.conf']],
    ["echo 'a b'  c", ['echo', 'a b', 'c']],
    ["'it'\\''s'", ["it's"]],
    ['"a \\"b\\" \\$ \\` \\\\ \\x"', ['a "b" $ ` \\ \\x']],
    ['a\\ b \\;', ['a b', ';']],
    ["'$(x)' '`y`' ';|&<>'", ['$(x)', '`y`', ';|&<>']],
    ["''", ['']],
    ['0.0.0.0:{{port}}:80 $', ['0.0.0.0:{{port}}:80', '$']],
    ["'line\nbreak'", ['line\nbreak']],
  ])('parses %j', (command, argv) => {
    expect(parseShellWords(command)).toEqual(argv);
  });

  it.each([
    'echo $(id)',
    'echo "$(id)"',
    'echo `id`',
    'echo "`id`"',
    'echo $HOME',
    'echo "${HOME}"',
    "echo $'\\x41'",
    'a; b',
    'a | b',
    'a & b',
    'a > b',
    'a < b',
    '(a)',
    'a\nb',
    'echo *',
    'ls ~',
    'a #comment',
    "echo 'open",
    'echo "open',
    'echo \\',
  ])('refuses %j', (command) => {
    expect(() => parseShellWords(command)).toThrow(ShellSyntaxError);
  });

  it('splits a trusted template into simple commands at its operators only', () => {
    expect(
      splitCommandLine('echo \'a;b|c\' | sudo tee "x&&y" && sudo sysctl --system; true || false'),
    ).toEqual({
      commands: ["echo 'a;b|c'", 'sudo tee "x&&y"', 'sudo sysctl --system', 'true', 'false'],
      operators: ['|', '&&', ';', '||'],
    });
  });
});

describe('captured values filled into fix commands', () => {
  const templates = builtRuleSet().entries.flatMap((entry) =>
    entry.fixes
      .filter((fix) => fix.command?.includes('{{') === true)
      .map((fix) => ({
        id: entry.id,
        command: fix.command!,
        // host values (`{{free_subid_range}}`) are filled like captures, through the same quoting
        patterns: { ...entry.captures, ...HOST_VALUE_PATTERNS },
      })),
  );

  it('the KB has fix commands with placeholders to test', () => {
    expect(templates.map((t) => t.id)).toEqual(
      expect.arrayContaining(['privileged-port-not-allowed', 'published-port-already-in-use']),
    );
  });

  it.each(templates.map((t) => [t.id, t] as const))(
    '%s: hostile captures parse back to the intended argv',
    (_id, { command, patterns }) => {
      const names = [...new Set([...command.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
      const captures = fc.record(
        Object.fromEntries(names.map((name) => [name, captureValue(patterns[name] ?? '')])),
      );
      fc.assert(
        fc.property(captures, (values) => expectFilledAsIntended(command, values, patterns)),
        { seed: SEED, numRuns: 300 },
      );
    },
  );

  it('any value at all, as a word or inside one, stays one literal part of it', () => {
    const patterns = { value: '[^]*', other: '[^]*' };
    const template = 'tool --name={{value}} {{value}} pre{{value}}post {{other}}';
    const value = fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((s) => s.replaceAll('\u0000', ''));
    const hostile = fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE_PARTS), value), { maxLength: 6 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(value, hostile), fc.oneof(value, hostile), (a, b) =>
        expectFilledAsIntended(template, { value: a, other: b }, patterns),
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a value that fails its pattern keeps the placeholder, and a placeholder in a value is text', () => {
    const patterns = { port: '\\d{1,5}', user: '[a-z_][a-z0-9_.-]{0,31}\\$?' };
    const fix: Fix = { text: 'x', command: 'ss sport = :{{port}} -u {{user}}', root: false };
    expect(fillFix(fix, { port: '80; reboot', user: '{{port}}' }, patterns).command).toBe(
      'ss sport = :{{port}} -u {{user}}',
    );
    expect(fillFix(fix, { port: '8080', user: 'alice$' }, patterns).command).toBe(
      "ss sport = :'8080' -u 'alice$'",
    );
  });
});
