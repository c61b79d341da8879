// Everything the paste view shows and its keys act on: the session's cards and pending findings
// laid out as rows for a window of `height` rows, the copyable fixes with their numbers, the
// selected card and chosen fix, and the line being typed.
import { useMemo } from 'react';
import type { HostProbing } from '../diagnose/host-probing.js';
import { firstFixNumbers, listPasteFixes } from './paste-fixes.js';
import { layoutPasteRows } from './paste-rows.js';
import type { KnowledgeBase } from './use-knowledge-base.js';
import { usePasteSelection } from './use-paste-selection.js';
import { usePasteSession } from './use-paste-session.js';
import { useTypedLine } from './use-typed-line.js';

export function usePasteView(
  kb: KnowledgeBase,
  ignore: readonly string[],
  probing: Partial<HostProbing> | undefined,
  size: { width: number; height: number },
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
  const { cards, pending } = session;
  const fixes = useMemo(() => listPasteFixes(cards), [cards]);
  const cardFixNumbers = useMemo(() => firstFixNumbers(cards, fixes), [cards, fixes]);
  const layout = useMemo(
    () => layoutPasteRows(cards, cardFixNumbers, pending, size.width),
    [cards, cardFixNumbers, pending, size.width],
  );
  const geometry = { layout, fixes, height: size.height };
  const selection = usePasteSelection(geometry);
  const typed = useTypedLine();
  const diagnoses = cards.filter((card) => card.kind === 'diagnosis').length;
  return {
    ...session,
    fixes,
    chosenFix: selection.fix === undefined ? undefined : fixes[selection.fix],
    selection,
    geometry,
    layout,
    height: size.height,
    cardFixNumbers,
    typed,
    diagnoses,
    guesses: cards.length - diagnoses,
  };
}

export type PasteViewState = ReturnType<typeof usePasteView>;
