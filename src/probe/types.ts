// What a probe kind reports before its condition is applied. Kinds only look; `judge-observation.ts`
// decides. Keeping the two apart lets `check` reuse the looking with its own pass/warn/fail rules.

/** Facts some conditions need beyond the value itself (binary `privileged`, service `active`, command `exit`). */
export interface ObservedFacts {
  privileged?: boolean;
  active?: boolean;
  exit?: number;
}

export type Observation =
  /** the thing exists; `value` is what equals/matches/below/above compare */
  | { state: 'present'; value: string; evidence: string; facts?: ObservedFacts }
  /** the file, binary, variable or range does not exist: satisfies `missing: true` only */
  | { state: 'absent'; evidence: string }
  /** could not look (permission, timeout, command missing, commands off): no verdict */
  | { state: 'unknown'; evidence: string };

export interface ProbeOptions {
  /** bound for the whole probe, including any command it runs */
  timeoutMs: number;
}

export const DEFAULT_PROBE_TIMEOUT_MS = 1000;

/** Caps on what is read from the host: values stay small, and nothing is held whole. */
export const MAX_FILE_BYTES = 64 * 1024;
export const MAX_COMMAND_OUTPUT_BYTES = 16 * 1024;

/** What probes say of a cause: confirmed, ruled out, or cannot tell (unknown). */
export type Verdict = 'confirmed' | 'ruled-out' | 'unknown';

/** One probe's answer for one cause, with what it saw. */
export interface ProbeResult {
  id: string;
  verdict: Verdict;
  /** one line saying what was observed, e.g. `/proc/sys/user/max_user_namespaces = 0` */
  evidence: string;
  /** the value read, kept only for conditions judged per finding (`equals-capture`) */
  observed?: string;
}
