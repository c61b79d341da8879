// Whether a check applies to this host and this user, and if not, the one line that says why.
// Systemd comes first: it is a fact about the host, whoever is checked.
import type { Check, CheckContext } from './types.js';

export function whyNotApplicable(check: Check, context: CheckContext): string | undefined {
  const requires = check.requires ?? [];
  if (requires.includes('systemd') && context.init.systemd === false)
    return `no systemd: PID 1 is ${context.init.pid1 ?? 'not systemd'}`;
  if (requires.includes('non-root') && context.host.user.uid === 0)
    return 'not for root: rootless Docker runs as an ordinary user (`check --user NAME`)';
  if (requires.includes('own-environment') && context.subject === 'other')
    return `${context.host.user.name ?? 'their'}'s environment cannot be seen from here`;
  return undefined;
}
