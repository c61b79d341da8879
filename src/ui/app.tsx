// The interactive view: finished cards in <Static> (written once, above everything, and kept
// mounted in every view so Ink never writes them twice), then the live area: header, the current
// view or the help, and the footer. The live area stays shorter than the terminal, because Ink
// clears and redraws the whole screen when it is not.
import { Box, Static, useApp } from 'ink';
import { useEffect, useMemo } from 'react';
import type { HostProbing } from '../diagnose/host-probing.js';
import type { CompiledEntry } from '../kb/types.js';
import { BROWSE_CHROME_LINES, BrowseView } from './browse-view.js';
import { DiagnosisCard } from './diagnosis-card.js';
import { EntryView } from './entry-view.js';
import { FOOTER_HEIGHT, Footer } from './footer.js';
import { hintsFor } from './footer-hints.js';
import { browseStatus, entryStatus, pasteStatus } from './footer-status.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { PasteView } from './paste-view.js';
import { createTheme } from './theme.js';
import { useAppKeys } from './use-app-keys.js';
import { useAppState } from './use-app-state.js';
import { useBrowseState } from './use-browse-state.js';
import { useEntryView } from './use-entry-view.js';
import { useKnowledgeBase } from './use-knowledge-base.js';
import { usePasteView } from './use-paste-view.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface AppProps {
  entries: readonly CompiledEntry[];
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

export function App({ entries, ignore = NO_IGNORE, color, probing, copy, initialView }: AppProps) {
  const { exit } = useApp();
  const theme = useMemo(() => createTheme(color), [color]);
  const { columns: width, rows } = useTerminalSize();
  const kb = useKnowledgeBase(entries, ignore);
  const [app, dispatch, latestApp] = useAppState(initialView);
  const pasted = usePasteView(kb, ignore, probing);

  const listHeight = Math.max(1, rows - HEADER_AND_SPARE - BROWSE_CHROME_LINES - FOOTER_HEIGHT);
  const [browse, browseDispatch, latestBrowse] = useBrowseState(kb.filter, listHeight);
  useEffect(() => browseDispatch({ type: 'resize', visible: listHeight }), [listHeight]);

  const entryHeight = Math.max(1, rows - HEADER_AND_SPARE - FOOTER_HEIGHT);
  const entry = useEntryView(kb, app.entryId, { width, height: entryHeight }, color);

  useEffect(() => {
    if (app.quitting) exit();
  }, [app.quitting, exit]);

  useAppKeys({
    app: latestApp,
    dispatch,
    browse: latestBrowse,
    browseDispatch,
    paste: pasted.paste,
    pasteFixes: { list: pasted.fixes, ...pasted.selection },
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

  const body = app.help ? (
    <HelpOverlay theme={theme} />
  ) : app.view === 'paste' ? (
    <PasteView pending={pasted.pending} hasCards={pasted.cards.length > 0} theme={theme} />
  ) : app.view === 'browse' ? (
    <BrowseView state={browse} width={width} theme={theme} />
  ) : (
    <EntryView lines={entry.lines} scroll={entry.scroll} height={entryHeight} theme={theme} />
  );

  return (
    <>
      <Static items={pasted.cards}>
        {(card) => (
          <DiagnosisCard
            key={card.key}
            card={card}
            firstFix={pasted.cardFixNumbers.get(card.key) ?? 1}
            width={width}
            theme={theme}
          />
        )}
      </Static>
      {app.quitting ? null : (
        <Box flexDirection="column" width={width}>
          <Header view={app.view} entryId={app.entryId} theme={theme} />
          {body}
          <Footer
            status={status}
            hints={hintsFor(app.view, browse.focus, app.help)}
            theme={theme}
          />
        </Box>
      )}
    </>
  );
}
