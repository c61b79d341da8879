// `rootless-doctor show ID [--json]`: one entry in full. An unknown id is a usage error that
// names the ids the user probably meant.
import { ExitCode } from '../exit-codes.js';
import type { RuleSet } from '../kb/types.js';
import { renderEntry } from '../report/render-entry.js';
import { toTerminalSafe } from '../report/terminal-safe.js';
import { createKbSearch } from '../search/create-kb-search.js';
import { outputWidth } from './output-width.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

export async function runShow(
  id: string,
  options: GlobalOptions,
  io: CommandIO,
  deps: { ruleSet: RuleSet },
): Promise<ExitCode> {
  const { entries } = deps.ruleSet;
  const entry = entries.find((candidate) => candidate.id === id);
  if (entry === undefined) {
    io.stderr.write(unknownIdMessage(id, deps.ruleSet));
    return ExitCode.usage;
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(entry)}\n`);
    return ExitCode.ok;
  }
  io.stdout.write(renderEntry(entry, { width: outputWidth(io.stdout), color: options.color }));
  return ExitCode.ok;
}

function unknownIdMessage(id: string, ruleSet: RuleSet): string {
  const shown = toTerminalSafe(id, 80);
  const near = createKbSearch(ruleSet.entries).didYouMean(id);
  const guess =
    near.length === 0
      ? ''
      : `; did you mean ${near.map((candidate) => `\`${candidate}\``).join(', ')}?`;
  return (
    `rootless-doctor: unknown entry id \`${shown}\`${guess}\n` +
    `Run 'rootless-doctor search WORDS...' to find entries by keyword.\n`
  );
}
