// The entry view's fixes: filled from the card the entry was opened from, and found in
// layoutEntry's lines for every entry of the real KB at several widths, so `c` can always tell
// whether the chosen fix is on screen.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { readKbDir } from '../../src/kb/read-kb-dir.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';
import { layoutEntry } from '../../src/report/render-entry.js';
import { findEntryFixRows, listEntryFixes, withFilledCommands } from '../../src/ui/entry-fixes.js';

async function loadEntries(): Promise<CompiledEntry[]> {
  const files = await readKbDir('kb', process.cwd());
  return compileKb(files, {
    normalize: (line) => line,
    checkSafety: false,
    probeKinds: PROBE_KINDS,
  }).ruleSet.entries;
}

const text = (line: { text: string }[]) => line.map((part) => part.text).join('');

describe('the entry view fixes', async () => {
  const entries = await loadEntries();
  const byId = new Map(entries.map((entry) => [entry.id, entry]));

  it.each([100, 80, 40])('finds every numbered fix of every KB entry at %i columns', (width) => {
    for (const entry of entries) {
      const lines = layoutEntry(entry, { width });
      const rows = findEntryFixRows(lines);
      const commands = entry.fixes.filter((fix) => fix.command !== undefined);
      expect(rows, entry.id).toHaveLength(commands.length);
      rows.forEach((row, index) => {
        expect(text(lines[row.first]!), entry.id).toMatch(new RegExp(`^  \\[${index + 1}\\] `));
        const block = lines.slice(row.first, row.last + 1).map(text);
        // the command is the fix's last part, and the block ends where the command does
        expect(
          block.some((line) => /^ {6}\$( |$)/.test(line)),
          entry.id,
        ).toBe(true);
        const after = lines[row.last + 1];
        expect(
          after === undefined || text(after).trim() === '' || /^ {2}(\[\d+\]|-) /.test(text(after)),
          entry.id,
        ).toBe(true);
      });
    }
  });

  it("fills a command with the card's captured value, shell-quoted, as the card did", () => {
    const entry = byId.get('privileged-port-not-allowed')!;
    const finding = {
      entryId: entry.id,
      signature: 0,
      captures: { port: '80' },
      firstLine: 11,
      lastLine: 11,
      count: 1,
      text: 'cannot expose privileged port 80',
    };
    const card = diagnose(entry, finding, []);
    const fixes = listEntryFixes(entry, card);
    expect(fixes.map((fix) => fix.command)).toEqual([
      "echo net.ipv4.ip_unprivileged_port_start='80' | sudo tee /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system",
      'sudo setcap cap_net_bind_service=ep "$(command -v rootlesskit)" && systemctl --user restart docker',
    ]);
    // opened from Browse: the KB's own command, placeholder and all
    expect(listEntryFixes(entry)[0]!.command).toBe(
      'echo net.ipv4.ip_unprivileged_port_start={{port}} | sudo tee /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system',
    );
    const shown = layoutEntry(withFilledCommands(entry, fixes), { width: 200 }).map(text);
    expect(shown).toContain(
      "      $ echo net.ipv4.ip_unprivileged_port_start='80' | sudo tee /etc/sysctl.d/52-rootless-ports.conf && sudo sysctl --system",
    );
  });

  it('fills a fix the card left out (it can lose data) from the captures, and marks it', () => {
    const entry = entries.find((candidate) =>
      candidate.fixes.some((fix) => fix.destructive && fix.command !== undefined),
    )!;
    const finding = {
      entryId: entry.id,
      signature: 0,
      captures: {},
      firstLine: 1,
      lastLine: 1,
      count: 1,
      text: '',
    };
    const card = diagnose(entry, finding, []);
    expect(card.verdict).not.toBe('confirmed');
    const fixes = listEntryFixes(entry, card);
    const destructive = fixes.filter((fix) => fix.destructive);
    expect(destructive.length).toBeGreaterThan(0);
    expect(destructive.every((fix) => !fix.confirmed)).toBe(true);
  });
});
