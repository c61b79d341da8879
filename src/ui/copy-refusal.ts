// Whether `c` may put a fix command on the clipboard, and if not, the status line saying why.
// A copied command is pasted into a shell, so it must be complete and safe to run as it stands: no
// `{{name}}` left for the user to notice (the shell would run `{{port}}` literally), and nothing
// that can lose data unless the host confirmed the cause it fixes.

/** A placeholder as fill-fix writes it; `{{.Field}}` (a Go template in a command) is not one. */
const PLACEHOLDER = /\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}/g;

export interface CopyCandidate {
  number: number;
  command: string;
  destructive: boolean;
  /** the host confirmed the cause this fix is for */
  confirmed: boolean;
}

export function unfilledPlaceholders(command: string): string[] {
  return [...new Set(command.match(PLACEHOLDER) ?? [])];
}

export function copyRefusal(fix: CopyCandidate): string | undefined {
  const unfilled = unfilledPlaceholders(fix.command);
  if (unfilled.length > 0) {
    return `Not copied: fix [${fix.number}] still has ${unfilled.join(' ')} to fill in; type it with your value.`;
  }
  if (fix.destructive && !fix.confirmed) {
    return `Not copied: fix [${fix.number}] can lose data and this host has not confirmed the cause.`;
  }
  return undefined;
}

export function copiedStatus(fix: { number: number; command: string }): string {
  return `Copied fix [${fix.number}] to the clipboard (OSC 52): ${fix.command}`;
}
