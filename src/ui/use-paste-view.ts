// Everything the paste view shows and its keys act on: the session's cards and pending findings,
// the copyable fixes with their numbers, and which one is chosen.
import type { HostProbing } from '../diagnose/host-probing.js';
import { firstFixNumbers, firstFixOfNewestCard, listPasteFixes } from './paste-fixes.js';
import { useFixSelection } from './use-fix-selection.js';
import type { KnowledgeBase } from './use-knowledge-base.js';
import { usePasteSession } from './use-paste-session.js';

export function usePasteView(
  kb: KnowledgeBase,
  ignore: readonly string[],
  probing: Partial<HostProbing> | undefined,
) {
  const session = usePasteSession({
    matcher: kb.matcher,
    ignore: new Set(ignore),
    probe: probing?.probe,
    hostValues: probing?.hostValues,
    hostFacts: probing?.hostFacts,
    suggest: kb.suggest,
    describe: kb.describe,
  });
  const fixes = listPasteFixes(session.cards);
  const selection = useFixSelection(fixes.length, firstFixOfNewestCard(fixes));
  const diagnoses = session.cards.filter((card) => card.kind === 'diagnosis').length;
  return {
    ...session,
    fixes,
    chosenFix: fixes[selection.selected],
    selection,
    cardFixNumbers: firstFixNumbers(session.cards, fixes),
    diagnoses,
    guesses: session.cards.length - diagnoses,
  };
}
