// `rootless-doctor check [--json]`: probe this host for every prerequisite of rootless Docker.
// Exit 0 when nothing failed, 1 when a check failed (warnings do not fail it).
import type { RuleSet } from '../kb/types.js';
import type { Host } from '../probe/host.js';
import type { ExitCode } from '../exit-codes.js';
import type { CommandIO, GlobalOptions } from './types.js';
import { CHECK_LIST } from '../check/check-list.js';
import { runChecks } from '../check/run-checks.js';
import { checkExitCode, summarizeChecks } from '../check/summarize-checks.js';
import { renderCheckText } from '../check/render-check-text.js';
import { renderCheckJson } from '../check/render-check-json.js';
import { hostCaptures } from '../check/find-entry-fix.js';

export async function runCheck(
  options: GlobalOptions,
  io: CommandIO,
  deps: { ruleSet: RuleSet; host: Host },
): Promise<ExitCode> {
  const results = await runChecks(CHECK_LIST, deps.host);
  const summary = summarizeChecks(results);
  const captures = hostCaptures(deps.host.user);
  const output = options.json
    ? renderCheckJson(results, summary, deps.ruleSet, captures)
    : renderCheckText(results, summary, { color: options.color, ruleSet: deps.ruleSet, captures });
  io.stdout.write(output);
  return checkExitCode(summary);
}
