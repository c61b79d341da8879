// `rootless-doctor check`: one proactive check per prerequisite of rootless Docker. A check looks
// at the host through the same Host and probe kinds as KB probes, and decides pass / warn / fail
// itself, because a prerequisite has more than two answers (a limit that is low but not zero,
// a sysctl that does not exist on this kernel). A check that does not apply to this host (a
// systemd check without systemd, a per-user check run as root) is skipped with the reason.
import type { Host, HostUser } from '../probe/host.js';
import type { FilledFix } from '../diagnose/types.js';
import type { InitSystem } from '../probe/observe-init.js';

/** `skip`: not applicable here (never a failure); `error`: the check itself threw. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip' | 'error';

export interface CheckOutcome {
  status: 'pass' | 'warn' | 'fail' | 'skip';
  /** what was observed, one line */
  evidence: string;
  /** the KB entry covering this outcome when it differs from the check's default */
  entry?: string;
  /** for a failure: a fix chosen for this host, shown instead of the entry's first fix */
  fix?: FilledFix;
}

/** What must hold for a check to apply; otherwise it is skipped with the reason. */
export type Requirement =
  /** systemd is PID 1 (user manager, linger, delegation) */
  | 'systemd'
  /** the checked user is not root: per-user prerequisites mean nothing for root */
  | 'non-root'
  /** the checked user's own environment is visible (not with `--user` for someone else) */
  | 'own-environment';

export interface CheckContext {
  /** the host as the checked user sees it: `host.user` is that user (see view-as-user.ts) */
  host: Host;
  /** bound for each command a check runs */
  commandTimeoutMs: number;
  /** `self`: the user running check; `other`: a user named with `--user` */
  subject: 'self' | 'other';
  /** who runs rootless-doctor; differs from `host.user` with `--user` */
  caller: HostUser;
  /** the checked user's home from the passwd file, when known */
  home: string | undefined;
  /** the groups the checked user is in (primary and from /etc/group), for file modes */
  groups: readonly number[];
  init: InitSystem;
  /** shared by the checks of one run, so a program is looked up and asked its version once */
  memo: Map<string, Promise<unknown>>;
}

export interface Check {
  /** kebab-case, stable: scripts read it from `check --json` */
  id: string;
  /** short, says what a pass means */
  label: string;
  /** the KB entry that covers this check's failure */
  entry: string;
  requires?: readonly Requirement[];
  run(context: CheckContext): Promise<CheckOutcome>;
}

export interface CheckResult {
  id: string;
  label: string;
  status: CheckStatus;
  evidence: string;
  /** for warn and fail: the entry to read */
  entry?: string;
  /** for fail: a fix the check chose for this host */
  fix?: FilledFix;
}
