// The interactive view: header, the current view or the help, and the footer, all drawn from
// state on every frame (the paste view's cards too, so a visit to Browse does not lose them).
// The whole stays one line shorter than the terminal, because Ink clears and redraws the whole
// screen when it is not. On quit the live area goes and the cards are written once above it
// (<Static>), so the terminal keeps them as it would keep pipe output.
import { Box, Static, Text, useApp } from 'ink';
import { useEffect, useMemo } from 'react';
import type { HostProbing } from '../diagnose/host-probing.js';
import type { CompiledEntry, PrecomputedPrefilter } from '../kb/types.js';
import { BROWSE_CHROME_LINES, BrowseView } from './browse-view.js';
import { CardRow } from './card-row.js';
import { EntryView } from './entry-view.js';
import { FOOTER_HEIGHT, Footer } from './footer.js';
import { hintsFor } from './footer-hints.js';
import { browseStatus, entryStatus, pasteStatus } from './footer-status.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { CARD_CHROME_WIDTH, layoutCard } from './layout-card.js';
import { PasteView } from './paste-view.js';
import { createTheme, type Theme } from './theme.js';
import type { Card } from './paste-session.js';
import { useAppKeys } from './use-app-keys.js';
import { useAppState } from './use-app-state.js';
import { useBrowseState } from './use-browse-state.js';
import { useEntryView } from './use-entry-view.js';
import { useKnowledgeBase } from './use-knowledge-base.js';
import { fixRows } from './use-paste-selection.js';
import { usePasteView } from './use-paste-view.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  entries: readonly CompiledEntry[];
  /** the matcher's tables as the build stored them with the KB (built here when absent) */
  prefilter?: PrecomputedPrefilter | undefined;
  ignore?: readonly string[];
  color: boolean;
  /** the host side of diagnoses (probes, host values, host facts); absent with --no-probe */
  probing?: Partial<HostProbing> | undefined;
  /** puts a fix command on the clipboard (OSC 52 in a terminal, a spy in tests) */
  copy(text: string): void;
  initialView?: 'paste' | 'browse';
}

const NO_IGNORE: readonly string[] = [];
/** the header, and one spare line so the live area never fills the screen */
const HEADER_AND_SPARE = 2;
/** the paste view's line to type into */
const TYPED_LINE_HEIGHT = 1;

export function App({
  entries,
  prefilter,
  ignore = NO_IGNORE,
  color,
  probing,
  copy,
  initialView,
}: AppProps) {
  const { exit } = useApp();
  const theme = useMemo(() => createTheme(color), [color]);
  const { columns: width, rows } = useTerminalSize();
  const kb = useKnowledgeBase(entries, ignore, prefilter);
  const [app, dispatch, latestApp] = useAppState(initialView);
  const pasteHeight = Math.max(1, rows - HEADER_AND_SPARE - TYPED_LINE_HEIGHT - FOOTER_HEIGHT);
  const pasted = usePasteView(kb, ignore, probing, { width, height: pasteHeight });

  const listHeight = Math.max(1, rows - HEADER_AND_SPARE - BROWSE_CHROME_LINES - FOOTER_HEIGHT);
  const [browse, browseDispatch, latestBrowse] = useBrowseState(kb.filter, listHeight);
  useEffect(() => browseDispatch({ type: 'resize', visible: listHeight }), [listHeight]);

  const entryHeight = Math.max(1, rows - HEADER_AND_SPARE - FOOTER_HEIGHT);
  const entryCard = pasted.cards.find((card) => card.key === app.entryCard);
  const entry = useEntryView(
    kb,
    app.entryId,
    entryCard?.kind === 'diagnosis' ? entryCard : undefined,
    { width, height: entryHeight },
    color,
  );

  useEffect(() => {
    if (app.quitting) exit();
  }, [app.quitting, exit]);

  useAppKeys({
    app: latestApp,
    dispatch,
    browse: latestBrowse,
    browseDispatch,
    pasted,
    entry,
    copy,
  });

  const status =
    app.status ??
    (app.view === 'paste'
      ? pasteStatus(pasted)
      : app.view === 'browse'
        ? browseStatus(browse, kb.entries.length)
        : entryStatus(entry));

  const typing = app.view === 'paste' && pasted.typed.line !== '';
  const body = app.help ? (
    <HelpOverlay theme={theme} />
  ) : app.view === 'paste' ? (
    <PasteView
      layout={pasted.layout}
      top={pasted.selection.top}
      height={pasteHeight}
      selectedCard={pasted.selection.cardKey}
      chosenRow={fixRows(pasted.layout, pasted.fixes, pasted.selection.fix)?.first}
      typed={pasted.typed.line}
      width={width}
      theme={theme}
    />
  ) : app.view === 'browse' ? (
    <BrowseView state={browse} width={width} theme={theme} />
  ) : (
    <EntryView
      lines={entry.lines}
      scroll={entry.scroll}
      height={entryHeight}
      chosenRow={entry.fixRows[entry.fix]?.first}
      theme={theme}
    />
  );

  return (
    <>
      <Static items={app.quitting ? pasted.cards : []}>
        {(card, index) => (
          <PrintedCard
            key={card.key}
            card={card}
            gap={index > 0}
            firstFix={pasted.cardFixNumbers.get(card.key) ?? 1}
            width={width}
            theme={theme}
          />
        )}
      </Static>
      {app.quitting ? null : (
        <Box flexDirection="column" width={width}>
          <Header
            view={app.view}
            entryId={app.entryId}
            position={app.view === 'paste' ? pastePosition(pasted) : undefined}
            theme={theme}
          />
          {body}
          <Footer
            status={status}
            hints={hintsFor(app.view, browse.focus, app.help, typing)}
            theme={theme}
          />
        </Box>
      )}
    </>
  );
}

/**
 * Where the window is: which card is selected, whether more rows are above or below, and how many
 * findings are still being checked (their rows come last, maybe below the window).
 */
function pastePosition(pasted: ReturnType<typeof usePasteView>): string | undefined {
  const { cards, rows } = pasted.layout;
  const parts: string[] = [];
  if (cards.length > 0) {
    const { top, cardKey } = pasted.selection;
    const selected = cards.findIndex((card) => card.key === cardKey);
    parts.push(
      selected < 0
        ? `${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`
        : `card ${selected + 1} of ${cards.length}`,
    );
    const more = `${top > 0 ? '↑' : ''}${top + pasted.height < rows.length ? '↓' : ''}`;
    if (more !== '') parts.push(`more ${more}`);
  }
  if (cards.length > 0 && pasted.pending.length > 0) {
    parts.push(`${pasted.pending.length} checking`);
  }
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/** A card as the terminal keeps it after quitting: every row behind the heavy bar. */
function PrintedCard({
  card,
  gap,
  firstFix,
  width,
  theme,
}: {
  card: Card;
  gap: boolean;
  firstFix: number;
  width: number;
  theme: Theme;
}) {
  const layout = layoutCard(card, firstFix, Math.max(10, width - CARD_CHROME_WIDTH));
  const border = card.kind === 'diagnosis' ? card.diagnosis.severity : 'guess';
  return (
    <Box flexDirection="column">
      {gap ? <Text> </Text> : null}
      {layout.lines.map((line, index) => (
        <CardRow key={index} line={line} border={border} selected theme={theme} />
      ))}
    </Box>
  );
}
