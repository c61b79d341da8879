// The fix shown under a failed check: the one the check chose for this host, or else the first
// fix of its KB entry that fits the host, looked up by id. Check results name entries by id only,
// so a check keeps working (and still names its entry) while that entry is missing from the KB.
// `check` reads no log, so the only values a fix's `{{user}}` / `{{uid}}` can take are the checked
// user's own, filled in the same validated, shell-quoted way as captures in pipe mode.
import type { Fix, RuleSet } from '../kb/types.js';
import type { FilledFix } from '../diagnose/types.js';
import type { HostUser } from '../probe/host.js';
import { COMMON_CAPTURE_PATTERNS } from '../kb/capture-patterns.js';
import { HOST_VALUE_PATTERNS } from '../kb/host-values.js';
import { fillFix } from '../diagnose/fill-fix.js';
import { fixFitsHost } from '../diagnose/fix-fits-host.js';
import type { CheckResult } from './types.js';

export interface FixContext {
  /** `{{user}}`, `{{uid}}` of the checked user, and host values such as `{{free_subid_range}}` */
  captures: Readonly<Record<string, string>>;
  /** false: fixes that drive systemd (systemctl, loginctl, machinectl) do not fit this host */
  systemd?: boolean | undefined;
  /** `check --user NAME`: the fixes are for that user, not for whoever runs the command */
  otherUser?: { name: string; uid: number; home: string | undefined } | undefined;
}

export function hostCaptures(user: HostUser): Record<string, string> {
  const captures: Record<string, string> = {};
  if (user.name !== undefined) captures.user = user.name;
  if (user.uid !== undefined) captures.uid = String(user.uid);
  return captures;
}

export function fixFits(fix: Pick<Fix, 'command'>, context: Pick<FixContext, 'systemd'>): boolean {
  return fixFitsHost(fix, context);
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const SAFE_HOME = /^\/[A-Za-z0-9._/-]{0,4095}$/;
const NAME_EXPRESSIONS = /\$\(whoami\)|\$\(id -un\)|\$\{USER\}|\$USER\b|\$\{LOGNAME\}|\$LOGNAME\b/g;

/**
 * A fix that root (or an administrator with sudo) runs for `--user NAME` must name that user, not
 * the person typing it: `"$(whoami)"`, `$USER`, `$(id -u)` and `$HOME` become NAME's values. Only
 * plain names and paths are put in (they need no quoting inside or outside double quotes);
 * anything else leaves the command as written.
 */
export function retargetFix(fix: FilledFix, user: FixContext['otherUser']): FilledFix {
  if (user === undefined || !fix.root || fix.command === undefined) return fix;
  if (!SAFE_NAME.test(user.name)) return fix;
  let command = fix.command
    .replace(NAME_EXPRESSIONS, user.name)
    .replace(/\$\(id -u\)/g, String(user.uid));
  if (user.home !== undefined && SAFE_HOME.test(user.home))
    command = command.replace(/\$\{HOME\}|\$HOME\b/g, user.home);
  return { ...fix, command };
}

export function findEntryFix(
  ruleSet: RuleSet,
  entryId: string,
  context: FixContext = { captures: {} },
): FilledFix | undefined {
  const entry = ruleSet.entries.find((candidate) => candidate.id === entryId);
  const fix = entry?.fixes.find((candidate) => fixFits(candidate, context));
  if (entry === undefined || fix === undefined) return undefined;
  const filled = fillFix(fix, context.captures, {
    ...COMMON_CAPTURE_PATTERNS,
    ...HOST_VALUE_PATTERNS,
    ...entry.captures,
  });
  return retargetFix(filled, context.otherUser);
}

/** The fix to show under a failed check, or undefined (then only the entry is named). */
export function chooseFix(
  result: CheckResult,
  ruleSet: RuleSet,
  context: FixContext = { captures: {} },
): FilledFix | undefined {
  if (result.status !== 'fail') return undefined;
  if (result.fix !== undefined) return retargetFix(result.fix, context.otherUser);
  return result.entry === undefined ? undefined : findEntryFix(ruleSet, result.entry, context);
}
