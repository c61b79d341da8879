// `rootless-doctor check [--json] [--user NAME]`: probe this host for every prerequisite of
// rootless Docker, as the user running it or as NAME sees it. Exit 0 when nothing failed, 1 when a
// check failed (warnings and checks that do not apply here do not fail it), 2 for an unknown user.
import type { RuleSet } from '../kb/types.js';
import type { Host } from '../probe/host.js';
import type { ExitCode } from '../exit-codes.js';
import { ExitCode as ExitCodes } from '../exit-codes.js';
import { terminalWidth } from './output-width.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';
import { CHECK_LIST } from '../check/check-list.js';
import { createCheckContext } from '../check/create-check-context.js';
import { runChecks } from '../check/run-checks.js';
import { checkExitCode, summarizeChecks } from '../check/summarize-checks.js';
import { renderCheckText } from '../check/render-check-text.js';
import { renderCheckJson } from '../check/render-check-json.js';
import type { FixContext } from '../check/find-entry-fix.js';
import { hostCaptures } from '../check/find-entry-fix.js';
import { computeHostValues } from '../probe/host-values.js';

export async function runCheck(
  options: GlobalOptions,
  io: CommandIO,
  deps: { ruleSet: RuleSet; host: Host; user?: string },
): Promise<ExitCode> {
  const created = await createCheckContext(deps.host, { user: deps.user });
  if (!created.ok) {
    io.stderr.write(`rootless-doctor: ${created.problem}\n`);
    return ExitCodes.usage;
  }
  const { context } = created;
  const [results, hostValues] = await Promise.all([
    runChecks(CHECK_LIST, context),
    computeHostValues(new Set(['free_subid_range']), deps.host, {}),
  ]);
  const summary = summarizeChecks(results);
  const { uid, name } = context.host.user;
  const fixContext: FixContext = {
    captures: { ...hostCaptures(context.host.user), ...hostValues },
    systemd: context.init.systemd,
    otherUser:
      context.subject === 'other' && uid !== undefined && name !== undefined
        ? { name, uid, home: context.home }
        : undefined,
  };
  const output = options.json
    ? renderCheckJson(results, summary, deps.ruleSet, fixContext)
    : renderCheckText(results, summary, {
        color: options.color,
        ruleSet: deps.ruleSet,
        fixContext,
        width: terminalWidth(io.stdout),
      });
  io.stdout.write(output);
  return checkExitCode(summary);
}
