// The --help text, written by hand and pinned by test/e2e/cli.test.ts so it cannot drift.
export const HELP = `rootless-doctor: why your rootless Docker fails, and what to do about it

Usage
  rootless-doctor [options] [FILE]        diagnose FILE or standard input, as lines arrive
  rootless-doctor                         with a terminal on stdin: the interactive view
  rootless-doctor check [--json]          probe this host for every rootless prerequisite
  rootless-doctor search WORDS... [--json]  find knowledge-base entries by keyword
  rootless-doctor show ID [--json]        print one entry in full
  rootless-doctor tui                     the interactive view (paste errors, browse)
  rootless-doctor kb lint [DIR] [--json]  validate a knowledge-base directory (default: ./kb)

Options
  --json             JSON Lines on stdout (one document for check, search, show)
  --no-probe         do not probe the host to confirm or rule out causes
  --ignore ID[,ID]   drop these entries from the results
  --host-root DIR    probe files under DIR (a copy of another host's /proc, /etc) instead of /
  --user NAME        check only: check NAME's setup instead of your own (e.g. as root)
  --no-color         no colours (also: NO_COLOR=1; FORCE_COLOR=1 forces them)
  -h, --help         show this help
  -V, --version      show the version

Examples
  dockerd-rootless.sh 2>&1 | rootless-doctor
  journalctl --user -u docker --no-pager | rootless-doctor --json
  rootless-doctor search max_user_namespaces

Exit status
  0 nothing wrong found   1 a cause was found   2 usage or input error
  3 only unrecognised errors (suggestions)
`;

export const USAGE_HINT = "Run 'rootless-doctor --help' for usage.";
