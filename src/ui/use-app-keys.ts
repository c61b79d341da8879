// Routes every key and paste to the view that owns it. Order matters: a paste is never a key;
// while help is open any key only closes it; where text is being typed (the browse filter, or a
// line in the paste view) printable keys are text, so only Tab, Esc and Ctrl-C act there.
import type { InputEvent } from './decode-terminal-input.js';
import { copiedStatus, copyRefusal, type CopyCandidate } from './copy-refusal.js';
import { mapBrowseKey, mapEntryKey, mapGlobalKey, mapPasteKey } from './map-keys.js';
import type { AppAction, AppState } from './use-app-state.js';
import type { BrowseAction, BrowseState } from './use-browse-state.js';
import type { EntryViewState } from './use-entry-view.js';
import type { PasteViewState } from './use-paste-view.js';
import { isFixOnScreen } from './use-paste-selection.js';
import { useTerminalInput } from './use-terminal-input.js';

/** State is read through getters: they see what the previous key of the same read did. */
export interface AppKeyContext {
  app(): AppState;
  dispatch(action: AppAction): void;
  browse(): BrowseState;
  browseDispatch(action: BrowseAction): void;
  pasted: PasteViewState;
  entry: EntryViewState;
  copy(text: string): void;
}

export function useAppKeys(context: AppKeyContext): void {
  useTerminalInput((event) => routeInput(event, context));
}

export function routeInput(event: InputEvent, context: AppKeyContext): void {
  const { dispatch } = context;
  const app = context.app();
  const browse = context.browse();
  if (app.quitting) return;
  const typing =
    !app.help &&
    ((app.view === 'browse' && browse.focus === 'filter') ||
      (app.view === 'paste' && context.pasted.typed.latest() !== ''));
  if (event.kind === 'paste') {
    if (app.view === 'browse' && browse.focus === 'filter' && !app.help) {
      return context.browseDispatch({ type: 'insert-text', text: event.text });
    }
    if (app.help) dispatch({ type: 'toggle-help' });
    if (app.view !== 'paste') dispatch({ type: 'show', view: 'paste' });
    return context.pasted.paste(event.text);
  }
  if (app.help) {
    return dispatch(event.key === 'ctrl-c' ? { type: 'quit' } : { type: 'toggle-help' });
  }
  // a message ("Copied …") answers the last key; the next key replaces it
  if (app.status !== undefined) dispatch({ type: 'set-status', text: undefined });
  const global = mapGlobalKey(event, typing);
  if (global === 'quit') return dispatch({ type: 'quit' });
  if (global === 'help') return dispatch({ type: 'toggle-help' });
  if (global !== undefined) return dispatch({ type: 'next-view' });
  if (app.view === 'paste') return routePasteKey(event, context);
  if (app.view === 'entry') return routeEntryKey(event, context);

  routeBrowseKey(event, context, browse);
}

function routeBrowseKey(
  event: Extract<InputEvent, { kind: 'key' }>,
  context: AppKeyContext,
  browse: BrowseState,
) {
  const { dispatch } = context;
  const command = mapBrowseKey(event, browse.focus);
  if (command?.type === 'open') {
    const selected = browse.items[browse.cursor];
    if (selected) dispatch({ type: 'open-entry', id: selected.id });
  } else if (command?.type === 'back') {
    dispatch({ type: 'show', view: 'paste' });
  } else if (command) {
    context.browseDispatch(command);
  }
}

function routePasteKey(event: Extract<InputEvent, { kind: 'key' }>, context: AppKeyContext) {
  const { pasted } = context;
  const { typed } = pasted;
  const selection = pasted.selection;
  const command = mapPasteKey(event, typed.latest() !== '');
  switch (command?.type) {
    case undefined:
      return;
    case 'type':
      return typed.dispatch({ type: 'insert', text: command.text });
    case 'delete-back':
      return typed.dispatch({ type: 'delete-back' });
    case 'clear-line':
      return typed.dispatch({ type: 'clear' });
    case 'submit': {
      const line = typed.latest();
      typed.dispatch({ type: 'clear' });
      return pasted.paste(line);
    }
    case 'select-fix':
      return selection.dispatch({ type: 'move-fix', by: command.by });
    case 'move-card':
      return selection.dispatch({ type: 'move-card', by: command.by });
    case 'card':
      return selection.dispatch({ type: 'card', where: command.where });
    case 'scroll-page':
      return selection.dispatch({
        type: 'scroll',
        by: command.direction * Math.max(1, pasted.height - 1),
      });
    case 'filter':
      context.dispatch({ type: 'show', view: 'browse' });
      return context.browseDispatch({ type: 'focus', focus: 'filter' });
    case 'copy':
      return copyPasteFix(context);
    case 'open':
      return openSelectedCard(context);
  }
}

/** `c` in the paste view: the chosen fix of the selected card, if it is on screen and complete. */
function copyPasteFix(context: AppKeyContext): void {
  const { pasted } = context;
  const state = pasted.selection.latest();
  const fix = state.fix === undefined ? undefined : pasted.fixes[state.fix];
  if (!fix) return say(context, noFixReason(context, state.cardKey));
  if (!isFixOnScreen(state, pasted.geometry)) {
    pasted.selection.dispatch({ type: 'reveal' });
    return say(context, `Fix [${fix.number}] was off screen; it shows now, and c copies it.`);
  }
  copyFix(context, fix);
}

function noFixReason(context: AppKeyContext, cardKey: string | undefined): string {
  const card = context.pasted.cards.find((candidate) => candidate.key === cardKey);
  if (card?.kind === 'suggestion') {
    return 'A guess offers no fix to copy; Enter opens its nearest entry.';
  }
  if (card?.kind === 'diagnosis' && card.diagnosis.verdict === 'ruled-out') {
    return 'Ruled out on this host, so no fix is offered; Enter opens the entry.';
  }
  if (card?.kind === 'diagnosis') return 'This card has no command to copy.';
  return 'No fix to copy here.';
}

/** Enter with nothing typed: the selected card's entry (a guess opens its nearest entry). */
function openSelectedCard(context: AppKeyContext): void {
  const { pasted } = context;
  const { cardKey } = pasted.selection.latest();
  const card = pasted.cards.find((candidate) => candidate.key === cardKey);
  if (card?.kind === 'diagnosis') {
    context.dispatch({ type: 'open-entry', id: card.diagnosis.id, card: card.key });
  } else if (card?.kind === 'suggestion' && card.suggestion.candidates[0]) {
    context.dispatch({ type: 'open-entry', id: card.suggestion.candidates[0].id });
  }
}

function routeEntryKey(event: Extract<InputEvent, { kind: 'key' }>, context: AppKeyContext) {
  const command = mapEntryKey(event);
  const { entry } = context;
  if (command === undefined) return;
  // keys read together with the one that opened this entry reach a view not yet drawn for it:
  // its fixes and rows would be another entry's (or another card's), so only Esc acts until then
  const app = context.app();
  const drawn = entry.entryId === app.entryId && entry.cardKey === app.entryCard;
  if (!drawn && command.type !== 'back') return;
  switch (command.type) {
    case 'scroll':
      return entry.scrollBy(command.by);
    case 'scroll-page':
      return entry.scrollBy(command.direction * Math.max(1, entry.height - 1));
    case 'scroll-to':
      return entry.scrollTo(command.where === 'first' ? 0 : entry.lineCount);
    case 'select-fix': {
      entry.selectFix(command.by);
      const rows = entry.fixRows[entry.latestFix()];
      return rows ? entry.reveal(rows.first, rows.last) : undefined;
    }
    case 'copy': {
      const index = entry.latestFix();
      const fix = entry.fixes[index];
      if (!fix) return say(context, 'No fix to copy here.');
      const rows = entry.fixRows[index];
      if (rows && !entry.isOnScreen(index)) {
        entry.reveal(rows.first, rows.last);
        return say(context, `Fix [${fix.number}] was off screen; it shows now, and c copies it.`);
      }
      return copyFix(context, fix);
    }
    case 'back':
      return context.dispatch({ type: 'close-entry' });
  }
}

function copyFix(context: AppKeyContext, fix: CopyCandidate): void {
  const refusal = copyRefusal(fix);
  if (refusal !== undefined) return say(context, refusal);
  context.copy(fix.command);
  say(context, copiedStatus(fix));
}

function say(context: AppKeyContext, text: string): void {
  context.dispatch({ type: 'set-status', text });
}
