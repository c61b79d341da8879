// `rootless-doctor check`: one proactive check per prerequisite of rootless Docker. A check looks
// at the host through the same Host and probe kinds as KB probes, and decides pass / warn / fail
// itself, because a prerequisite has more than two answers (a limit that is low but not zero,
// a sysctl that does not exist on this kernel).
import type { Host } from '../probe/host.js';

/** `error`: the check itself threw; it says nothing about the host. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error';

export interface CheckOutcome {
  status: 'pass' | 'warn' | 'fail';
  /** what was observed, one line */
  evidence: string;
  /** the KB entry covering this outcome when it differs from the check's default */
  entry?: string;
}

export interface CheckContext {
  host: Host;
  /** bound for each command a check runs */
  commandTimeoutMs: number;
}

export interface Check {
  /** kebab-case, stable: scripts read it from `check --json` */
  id: string;
  /** short, says what a pass means */
  label: string;
  /** the KB entry that covers this check's failure */
  entry: string;
  run(context: CheckContext): Promise<CheckOutcome>;
}

export interface CheckResult {
  id: string;
  label: string;
  status: CheckStatus;
  evidence: string;
  /** for warn and fail: the entry to read */
  entry?: string;
}
