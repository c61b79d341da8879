// Which commands a KB `command` probe may run. Probes never change the host, so the allowlist is
// per program *and* per use: `systemctl is-active` reads, `systemctl start` does not; `dockerd` or
// `pasta` with no arguments would start a daemon, so only their version and help are allowed;
// `modprobe` only as a dry run. Anything else is refused and the probe is unknown.
// `refuseCommand` is exported so the KB compiler can reject such probes at build time too.

type ArgsPolicy = (args: readonly string[]) => string | undefined;

const anyArgs: ArgsPolicy = () => undefined;

const versionOrHelp: ArgsPolicy = (args) =>
  args.length === 1 && ['--version', '-v', '-V', 'version', '--help', '-h'].includes(args[0] ?? '')
    ? undefined
    : 'only --version or --help';

/** The first argument that is not an option names what the program does. */
function verbIn(
  verbs: readonly string[],
  subverbs: Record<string, readonly string[]> = {},
): ArgsPolicy {
  return (args) => {
    const words = args.filter((a) => !a.startsWith('-'));
    const [verb, subverb] = words;
    if (verb === undefined)
      return args.every((a) => a === '--version' || a === '-V') ? undefined : 'no subcommand';
    if (!verbs.includes(verb)) return `subcommand \`${verb}\` is not read-only`;
    const allowed = subverbs[verb];
    if (allowed !== undefined && !allowed.includes(subverb ?? ''))
      return `\`${verb} ${subverb ?? ''}\` is not read-only`;
    return undefined;
  };
}

function firstArgIn(allowed: readonly RegExp[]): ArgsPolicy {
  return (args) =>
    allowed.some((re) => re.test(args[0] ?? ''))
      ? undefined
      : `\`${args[0] ?? ''}\` is not a query`;
}

const JOURNALCTL_WRITES =
  /^--(vacuum-|rotate|flush|sync|relinquish-var|smart-relinquish-var|setup-keys|update-catalog)/;

const POLICIES: Readonly<Record<string, ArgsPolicy>> = {
  systemctl: verbIn([
    'is-active',
    'is-enabled',
    'is-failed',
    'is-system-running',
    'show',
    'status',
    'cat',
    'list-units',
    'list-unit-files',
    'list-timers',
    'show-environment',
    'get-default',
  ]),
  loginctl: verbIn([
    'show-user',
    'show-session',
    'show-seat',
    'list-users',
    'list-sessions',
    'list-seats',
    'user-status',
    'session-status',
    'seat-status',
  ]),
  docker: verbIn(['version', 'info', 'context'], { context: ['show', 'ls', 'list', 'inspect'] }),
  journalctl: (args) =>
    args.some((a) => JOURNALCTL_WRITES.test(a)) ? 'journal maintenance writes' : undefined,
  modprobe: (args) =>
    args.some((a) => a === '--dry-run' || /^-[A-Za-z]*n[A-Za-z]*$/.test(a))
      ? undefined
      : 'only with -n',
  iptables: (args) =>
    args.length === 1 && (args[0] === '--version' || args[0] === '-V')
      ? undefined
      : 'only --version',
  'nvidia-ctk': (args) =>
    args[0] === 'cdi' && args[1] === 'list' ? undefined : versionOrHelp(args),
  dpkg: firstArgIn([
    /^-[lsLSp]$/,
    /^--(list|status|listfiles|search|print-avail|print-architecture|version)$/,
  ]),
  rpm: firstArgIn([/^-q[a-zA-Z]*$/, /^--(query|version)$/]),
  rootlesskit: versionOrHelp,
  slirp4netns: versionOrHelp,
  pasta: versionOrHelp,
  dockerd: versionOrHelp,
  containerd: versionOrHelp,
  runc: versionOrHelp,
  id: anyArgs,
  uname: anyArgs,
  getcap: anyArgs,
  getenforce: anyArgs,
  'systemd-detect-virt': anyArgs,
  findmnt: anyArgs,
  stat: anyArgs,
  readlink: anyArgs,
  getsubids: anyArgs,
  ss: anyArgs,
};

export const ALLOWLIST: readonly string[] = Object.keys(POLICIES);

/** Why argv may not run as a probe, or undefined when it may. */
export function refuseCommand(argv: readonly string[]): string | undefined {
  const [program, ...args] = argv;
  if (program === undefined || program === '') return 'empty command';
  // Bare names only: `/tmp/x/systemctl` is not systemctl.
  const policy = Object.hasOwn(POLICIES, program) ? POLICIES[program] : undefined;
  if (policy === undefined) return `\`${program}\` is not on the probe allowlist`;
  const problem = policy(args);
  return problem === undefined ? undefined : `\`${program}\`: ${problem}`;
}
