import { describe, expect, it } from 'vitest';
import { copiedStatus, copyRefusal, unfilledPlaceholders } from '../../src/ui/copy-refusal.js';

const fix = (command: string, destructive = false, confirmed = false) => ({
  number: 2,
  command,
  destructive,
  confirmed,
});

describe('copyRefusal', () => {
  it('lets a complete command through', () => {
    expect(copyRefusal(fix("echo net.ipv4.ip_unprivileged_port_start='80'"))).toBeUndefined();
  });

  it('refuses a command with a placeholder left, naming each once', () => {
    expect(unfilledPlaceholders('a {{user}} b {{ port }} c {{user}}')).toEqual([
      '{{user}}',
      '{{ port }}',
    ]);
    expect(copyRefusal(fix('usermod {{user}} {{user}}'))).toBe(
      'Not copied: fix [2] still has {{user}} to fill in; type it with your value.',
    );
  });

  it('takes a Go template in a command for text, not a placeholder', () => {
    expect(unfilledPlaceholders("docker info --format '{{.SecurityOptions}}'")).toEqual([]);
  });

  it('copies a fix that can lose data only for a cause the host confirmed', () => {
    expect(copyRefusal(fix('rm -rf ~/.local/share/docker', true, false))).toBe(
      'Not copied: fix [2] can lose data and this host has not confirmed the cause.',
    );
    expect(copyRefusal(fix('rm -rf ~/.local/share/docker', true, true))).toBeUndefined();
  });

  it('says what was copied', () => {
    expect(copiedStatus(fix('systemctl --user restart docker'))).toBe(
      'Copied fix [2] to the clipboard (OSC 52): systemctl --user restart docker',
    );
  });
});
