import { describe, expect, test } from 'vitest';
import { fillFix } from '../../src/diagnose/fill-fix.js';
import { COMMON_CAPTURE_PATTERNS } from '../../src/kb/capture-patterns.js';

const USERMOD = {
  text: 'Give the user a subordinate range.',
  command: 'sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {{user}}',
  root: true,
};

describe('fillFix', () => {
  test('fills a value that matches its pattern, single-quoted', () => {
    expect(fillFix(USERMOD, { user: 'alice' }, COMMON_CAPTURE_PATTERNS)).toEqual({
      text: 'Give the user a subordinate range.',
      command: "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 'alice'",
      root: true,
    });
  });

  test('keeps the placeholder when the value does not match its pattern in full', () => {
    for (const user of ['$(touch /tmp/x)', 'alice; rm -rf ~', 'Alice', "o'brien", 'a'.repeat(40)]) {
      expect(fillFix(USERMOD, { user }, COMMON_CAPTURE_PATTERNS).command).toBe(USERMOD.command);
    }
  });

  test('keeps the placeholder when the capture is missing or has no pattern', () => {
    expect(fillFix(USERMOD, {}, COMMON_CAPTURE_PATTERNS).command).toBe(USERMOD.command);
    expect(fillFix(USERMOD, { user: 'alice' }, {}).command).toBe(USERMOD.command);
    expect(fillFix(USERMOD, { user: 'alice' }, { user: '([' }).command).toBe(USERMOD.command);
  });

  test('fills every placeholder, including repeats, and leaves look-alikes alone', () => {
    const fix = {
      text: 'x',
      command: 'ss -ltn "sport = :{{port}}"; echo {{port}} {{ port }} {{toString}}',
      root: false,
    };
    expect(fillFix(fix, { port: '8080' }, COMMON_CAPTURE_PATTERNS).command).toBe(
      `ss -ltn "sport = :'8080'"; echo '8080' {{ port }} {{toString}}`,
    );
  });

  test('a fix without a command stays without one', () => {
    expect(fillFix({ text: 'Log in again.', root: false }, { user: 'a' }, {})).toEqual({
      text: 'Log in again.',
      root: false,
    });
  });
});

describe('fillFix with a path from the log', () => {
  const REMOVE = { text: 'Remove it.', command: 'rootlesskit rm -rf {{path}}', root: false };

  test('fills an absolute path', () => {
    expect(
      fillFix(REMOVE, { path: '/home/a/.local/share/docker/x' }, COMMON_CAPTURE_PATTERNS).command,
    ).toBe("rootlesskit rm -rf '/home/a/.local/share/docker/x'");
  });

  test('keeps the placeholder for a path that climbs out of what it names, or is not absolute', () => {
    for (const path of [
      '/home/a/.local/share/docker/../../..',
      '/home/a/.local/share/docker/..',
      '/../etc',
      'home/a/.local/share/docker',
      '/home/a/my docs',
    ]) {
      expect(fillFix(REMOVE, { path }, COMMON_CAPTURE_PATTERNS).command).toBe(REMOVE.command);
    }
  });
});
