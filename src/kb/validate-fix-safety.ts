// A command that can lose data must say so (`destructive: true`), and must never be an entry's first
// fix: the first fix is what a hurried reader runs and what the TUI chooses for `c`.
import type { EntrySource } from './types.js';
import type { Report } from './validate-entry.js';
import { arrayOf, isPlainObject } from './check-shape.js';

/** Commands that remove files, images, volumes or packages. */
const DELETES =
  /\brm\s+-[a-zA-Z]*[rRf]|\b(?:apt(?:-get)?|dnf|yum|zypper)\s+(?:-\S+\s+)*(?:remove|purge|autoremove)\b|\b(?:system|image|volume|container|builder)\s+prune\b|\bdocker\s+(?:rmi|(?:image|volume|container)\s+rm)\b|\bwipefs\b|\bmkfs\b|\btruncate\b|\bshred\b/;

export function checkFixSafety(source: Partial<EntrySource>, report: Report): void {
  for (const [index, fix] of arrayOf(source.fixes).entries()) {
    if (!isPlainObject(fix)) continue;
    const { command, destructive } = fix as { command?: unknown; destructive?: unknown };
    if (typeof command === 'string' && DELETES.test(command) && destructive !== true) {
      report(
        'destructive-fix-unmarked',
        ['fixes', index, 'command'],
        `Unexpected unmarked command \`${command}\` that can delete data, expected \`destructive: true\` on this fix`,
      );
    }
    if (index === 0 && destructive === true) {
      report(
        'destructive-fix-first',
        ['fixes', 0, 'destructive'],
        'Unexpected destructive first fix, expected a fix that cannot lose data first',
      );
    }
  }
}
