// The shapes of a knowledge-base entry: as written in kb/<id>.md (EntrySource, checked by
// validate-entry.ts) and as compiled into dist/kb.json (RuleSet, read by everything at run time).
// Only types live here, so that importing them costs nothing on the pipe-mode hot path.

export type Severity = 'error' | 'warning' | 'info';

/**
 * `cause`: the entry names a root cause. `consequence`: the line is printed *because* something
 * else failed first (e.g. the setup tool's "RootlessKit failed" summary); such entries rank below
 * every cause found in the same input, so the real cause is the first answer. `benign`: a warning
 * every healthy rootless daemon prints; pipe mode recognises it (so it is no suggestion) and
 * reports nothing, while search, show and the TUI explain it.
 */
export type Role = 'cause' | 'consequence' | 'benign';

export type ProbeKind =
  | 'user'
  | 'sysctl'
  | 'file'
  | 'subid'
  | 'binary'
  | 'env'
  | 'command'
  | 'service'
  | 'version';

/** Programs whose installed version an entry's `affects` can name (see src/probe/kinds/version.ts). */
export const VERSIONED_COMPONENTS = ['docker', 'rootlesskit', 'slirp4netns', 'containerd', 'runc'] as const;
export type VersionedComponent = (typeof VERSIONED_COMPONENTS)[number];

/**
 * What a probe's observed value must satisfy to confirm the cause. Exactly one key is set.
 * A value that was read and does not satisfy it rules the cause out (unless `otherwise: unknown`);
 * a value that could not be read (permission, timeout, command missing) leaves it unknown.
 * "Absent" (file, binary, variable, subid range that does not exist) is a value: it satisfies
 * `missing: true` and nothing else.
 */
export interface ProbeCondition {
  /** trimmed value equals this string */
  equals?: string;
  /** value matches this regex (JS syntax, no flags) */
  matches?: string;
  /** numeric value (first integer in it) is strictly below */
  below?: number;
  /** numeric value is strictly above */
  above?: number;
  /** the thing probed is absent (true) or present (false) */
  missing?: boolean;
  /** binary only: newuidmap-style helper has setuid-root or file capabilities (true) or not (false) */
  privileged?: boolean;
  /** service only: the unit is active (true) or not (false) */
  active?: boolean;
  /** command only: the exit code equals this */
  exit?: number;
  /** version only: the installed version is inside this range (src/kb/version-range.ts) */
  within?: string;
  /**
   * the value equals the named capture of the finding (`uid`): judged per finding, after the
   * match, so a log naming /run/user/1000 is compared with the uid of whoever runs the doctor
   */
  'equals-capture'?: string;
  /** the value differs from the named capture of the finding */
  'differs-from-capture'?: string;
  /** the value (a number) is above the named capture: `ip_unprivileged_port_start` above the port */
  'above-capture'?: string;
}

interface ProbeBase {
  /** kebab-case, unique within the entry */
  id: string;
  kind: ProbeKind;
  confirms: ProbeCondition;
  /**
   * How the probe counts for the entry (src/probe/judge-entry.ts). Default `ruled-out`: a
   * requirement, which must be observed true to confirm and rules the cause out when observed
   * false. `unknown`: one of several alternatives, of which one observed true is enough.
   */
  otherwise?: 'ruled-out' | 'unknown';
  /** the condition describes what EXCLUDES the cause: observed true rules it out, else no effect */
  excludes?: boolean;
}

/** Reads /proc/sys/<key with dots as slashes>. Absent file = missing. */
export interface SysctlProbe extends ProbeBase {
  kind: 'sysctl';
  key: string;
}

/**
 * A file's existence or content. `path` may start with `~/` and may contain `$HOME`, `$UID`,
 * `$USER` and `$XDG_RUNTIME_DIR`, expanded from the host (never from log text).
 */
export interface FileProbe extends ProbeBase {
  kind: 'file';
  path: string;
}

/** The current user's range in /etc/subuid or /etc/subgid (by name or uid). Value: range size. */
export interface SubidProbe extends ProbeBase {
  kind: 'subid';
  file: '/etc/subuid' | '/etc/subgid';
}

/** A program on PATH. Value: its resolved path; `privileged` checks setuid-root or file caps. */
export interface BinaryProbe extends ProbeBase {
  kind: 'binary';
  name: string;
}

/** An environment variable of the process running rootless-doctor. */
export interface EnvProbe extends ProbeBase {
  kind: 'env';
  name: string;
}

/** An allowlisted, read-only command (see src/probe/kinds/command.ts). Value: trimmed stdout. */
export interface CommandProbe extends ProbeBase {
  kind: 'command';
  argv: string[];
}

/** A systemd unit's state via `systemctl [--user] is-active UNIT`. */
export interface ServiceProbe extends ProbeBase {
  kind: 'service';
  unit: string;
  scope: 'user' | 'system';
}

/**
 * The installed version of a component (`dockerd --version`, `rootlesskit --version`, …). Written
 * by the compiler from an entry's `affects`, never by hand: a regression is confirmed inside its
 * range and ruled out outside it.
 */
export interface VersionProbe extends ProbeBase {
  kind: 'version';
  component: VersionedComponent;
}

/** Who runs rootless-doctor: the uid or name, to compare with what the log names. */
export interface UserProbe extends ProbeBase {
  kind: 'user';
  field: 'uid' | 'name';
}

export type ProbeSpec =
  | UserProbe
  | VersionProbe
  | SysctlProbe
  | FileProbe
  | SubidProbe
  | BinaryProbe
  | EnvProbe
  | CommandProbe
  | ServiceProbe;

export interface Fix {
  /** one sentence: what this fix does */
  text: string;
  /** a shell command to show (never run); may contain {{capture}} placeholders */
  command?: string;
  /** true when the command needs root */
  root: boolean;
  /**
   * true when the command can lose data (removes files or images, uninstalls, prunes): such a fix
   * is never first, is shown only for a confirmed cause, and always with a warning
   */
  destructive?: boolean;
  /** true when the fix works only where systemd is the init system (a login session from logind) */
  systemd?: boolean;
}

/**
 * A consequence ("failed to start daemon", a client that only says the daemon is unreachable)
 * does not say why. This names the one command whose output does, to run and paste next.
 */
export interface Collect {
  /** shown, never run; read-only */
  command: string;
  /** what its output shows, one sentence */
  text: string;
}

export interface SignatureSource {
  /** JavaScript regex, no flags, named groups `(?<name>…)` for captured values */
  regex: string;
  /** a substring every match contains; derived by the compiler when absent */
  literal?: string;
  /**
   * the line also appears on healthy or rootful hosts: alone it is evidence only when a probe
   * confirms the cause; otherwise it is shown as a guess, never as a diagnosis
   */
  weak?: boolean;
}

export interface MatchExample {
  text: string;
  /** the named captures the first matching signature must yield; omitted = not checked */
  captures?: Record<string, string>;
}

/** The front matter of kb/<id>.md after YAML parsing and validation. */
export interface EntrySource {
  title: string;
  summary: string;
  severity: Severity;
  role?: Role;
  tags: string[];
  keywords: string[];
  signatures: SignatureSource[];
  /** patterns for captures not in the common table (src/kb/capture-patterns.ts) */
  captures?: Record<string, string>;
  /** ids of entries that print the same error line for another cause; must be mutual */
  'shares-with'?: string[];
  probes?: ProbeSpec[];
  /** a regression: the versions of each component that print this failure */
  affects?: Partial<Record<VersionedComponent, string>>;
  /** how people describe the failure in their own words, for search and prose pastes */
  symptoms?: string[];
  /** when this line is all the input shows: the read-only command that prints the line saying why */
  collect?: Collect;
  fixes: Fix[];
  examples: { match: MatchExample[]; 'no-match': string[] };
  links: string[];
}

export interface CompiledSignature {
  regex: string;
  /** required substring for the prefilter (ASCII-case-folded when scanned) */
  literal: string;
  /** the same pattern as POSIX ERE, for `grep -E -f` in the benchmark */
  ere: string;
  /** number of literal characters in the regex: longer = more specific */
  specificity: number;
  /** see SignatureSource.weak */
  weak?: boolean;
}

export interface CompiledEntry {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  role: Role;
  tags: string[];
  keywords: string[];
  signatures: CompiledSignature[];
  /** validation pattern for every capture name any signature defines */
  captures: Record<string, string>;
  sharesWith: string[];
  /** the entry's own probes, then one version probe per `affects` component */
  probes: ProbeSpec[];
  /** component → version range, for regressions; empty for other entries */
  affects: Partial<Record<VersionedComponent, string>>;
  symptoms: string[];
  collect?: Collect;
  fixes: Fix[];
  examples: { match: MatchExample[]; noMatch: string[] };
  links: string[];
  /** markdown bodies of the sections */
  cause: string;
  fix: string;
  verify?: string;
  notes?: string;
}

export const RULE_SET_FORMAT = 2;

export interface RuleSet {
  format: typeof RULE_SET_FORMAT;
  entries: CompiledEntry[];
  /**
   * The matcher's prefilter precomputed from the entries' literals (src/match/prefilter-tables.ts),
   * so that pipe mode need not build it at every start; absent or stale, it is built instead.
   */
  prefilter?: PrecomputedPrefilter;
}

/** Plain data, stored in dist/kb.json: see src/match/prefilter-tables.ts for what it holds. */
export interface PrecomputedPrefilter {
  format: number;
  /** everything the tables derive from; they are used only when it equals the runtime's */
  key: string;
  classCount: number;
  stateCount: number;
  firstPlainRow: number;
  signatureCount: number;
  /** lengths of the sections of `data`, in the order prefilter-tables.ts stores them */
  lengths: number[];
  checksum: number;
  /** the sections, little-endian, base64 */
  data: string;
}
