// `rootless-doctor search WORDS… [--json]`: the KB entries about these words, best first.
import { ExitCode } from '../exit-codes.js';
import type { RuleSet } from '../kb/types.js';
import { createKbSearch } from '../search/create-kb-search.js';
import {
  MAX_SHOWN_RESULTS,
  renderSearchJson,
  renderSearchText,
} from '../report/render-search-results.js';
import { outputWidth } from './output-width.js';
import type { CommandIO, GlobalOptions } from '../command-io.js';

export async function runSearch(
  words: readonly string[],
  options: GlobalOptions,
  io: CommandIO,
  deps: { ruleSet: RuleSet },
): Promise<ExitCode> {
  const query = words.join(' ').trim();
  const entries = deps.ruleSet.entries.filter((entry) => !options.ignore.includes(entry.id));
  const hits = createKbSearch(entries).query(query).slice(0, MAX_SHOWN_RESULTS);

  if (options.json) io.stdout.write(renderSearchJson(query, hits));
  if (hits.length === 0) {
    io.stderr.write(
      `rootless-doctor: no entry matches \`${query}\`; try fewer or other words, or an error message fragment\n`,
    );
    return ExitCode.found;
  }
  if (!options.json) {
    io.stdout.write(
      renderSearchText(hits, { width: outputWidth(io.stdout), color: options.color }),
    );
  }
  return ExitCode.ok;
}
