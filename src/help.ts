// The --help text, written by hand and pinned by test/e2e/cli.test.ts so it cannot drift; every
// line fits 80 columns (test/help.test.ts), the narrowest terminal it is read in.
export const HELP = `rootless-doctor: why your rootless Docker fails, and what to do about it

Usage
  rootless-doctor [options] [FILE]   diagnose FILE or stdin (-) as lines arrive
  rootless-doctor                    at a terminal: the interactive view
  rootless-doctor check              probe this host for every prerequisite
  rootless-doctor search WORDS...    find knowledge-base entries by keyword
  rootless-doctor show ID            print one entry in full
  rootless-doctor tui                the interactive view (paste errors, browse)
  rootless-doctor kb lint [DIR]      validate a knowledge base (default: ./kb)
  rootless-doctor help | version     this help, the version

Options
  --json             JSON Lines on stdout; one document for check, search, show
                     and kb lint
  --no-probe         do not probe the host to confirm or rule out causes
  --ignore ID[,ID]   drop these entries from the results
  --host-root DIR    probe files under DIR (a copy of another host's /proc and
                     /etc) instead of /
  --user NAME        with check: NAME's setup instead of your own (run as root)
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
