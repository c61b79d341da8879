// Runs one corpus record through the diagnosis session every front end uses (scanner,
// normalisation, prefilter, regexes, grouping, ranking, suggestions) without probes, as
// `rootless-doctor --no-probe` would, with the KB compiled from kb/ as it is in the work tree.
import path from 'node:path';
import { DiagnosisSession } from '../../src/diagnose/diagnosis-session.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { formatIssue } from '../../src/kb/issue.js';
import { readKbDir } from '../../src/kb/read-kb-dir.js';
import type { CompiledEntry } from '../../src/kb/types.js';
import { normalizeLine } from '../../src/match/normalize-line.js';
import { compileMatcher, type Matcher } from '../../src/match/stream-matcher.js';
import { createKbSearch, type KbSearch } from '../../src/search/create-kb-search.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Kb {
  entries: CompiledEntry[];
  matcher: Matcher;
  search: KbSearch;
}

export interface RecordOutcome {
  /** diagnosed entry ids, ranked as the summary lists them */
  ranked: string[];
  /** the summary's best guess when nothing was diagnosed, then each suggestion's first candidate */
  guesses: string[];
}

/**
 * The KB as kb/ holds it now. Any lint issue fails, unless `onIssue` takes it (the report script
 * prints them and goes on with the entries that compiled, so one broken entry being edited does
 * not hide the figures of the rest).
 */
export async function loadKb(onIssue?: (issue: string) => void): Promise<Kb> {
  const { issues, ruleSet } = compileKb(await readKbDir(path.join(ROOT, 'kb'), ROOT), {
    normalize: normalizeLine,
    checkSafety: false,
    probeKinds: PROBE_KINDS,
  });
  if (issues.length > 0 && !onIssue) throw new Error(issues.map(formatIssue).join('\n'));
  for (const issue of issues) onIssue?.(formatIssue(issue));
  return {
    entries: ruleSet.entries,
    matcher: compileMatcher(ruleSet.entries),
    search: createKbSearch(ruleSet.entries),
  };
}

export async function diagnoseRecord(kb: Kb, input: string): Promise<RecordOutcome> {
  const guesses: string[] = [];
  const stream = new DiagnosisSession(
    {
      matcher: kb.matcher,
      suggest: (text) => {
        const candidates = kb.search.guess(text);
        if (candidates[0]) guesses.push(candidates[0].id);
        return candidates;
      },
    },
    () => {},
  );
  stream.push(new TextEncoder().encode(input.endsWith('\n') ? input : `${input}\n`));
  const { summary } = await stream.finish();
  const best = summary.guess ? [summary.guess.id] : [];
  return {
    ranked: summary.diagnoses.map((diagnosis) => diagnosis.id),
    guesses: [...best, ...guesses],
  };
}
