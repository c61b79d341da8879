// Routes every key and paste to the view that owns it. Order matters: a paste is never a key;
// while help is open any key only closes it; in the browse filter printable keys are text, so only
// Tab and Ctrl-C act globally there.
import type { InputEvent } from './decode-terminal-input.js';
import { mapBrowseKey, mapEntryKey, mapGlobalKey, mapPasteKey } from './map-keys.js';
import type { CopyableFix } from './paste-fixes.js';
import type { AppAction, AppState } from './use-app-state.js';
import type { BrowseAction, BrowseState } from './use-browse-state.js';
import type { EntryState } from './use-entry-state.js';
import { useTerminalInput } from './use-terminal-input.js';

/** State is read through getters: they see what the previous key of the same read did. */
export interface AppKeyContext {
  app(): AppState;
  dispatch(action: AppAction): void;
  browse(): BrowseState;
  browseDispatch(action: BrowseAction): void;
  paste(text: string): void;
  pasteFixes: { list: readonly CopyableFix[]; latest(): number; move(by: number): void };
  entry: EntryState & { commands: readonly string[]; height: number; lineCount: number };
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
  const typing = app.view === 'browse' && browse.focus === 'filter' && !app.help;
  if (event.kind === 'paste') {
    if (typing) return context.browseDispatch({ type: 'insert-text', text: event.text });
    if (app.help) dispatch({ type: 'toggle-help' });
    if (app.view !== 'paste') dispatch({ type: 'show', view: 'paste' });
    return context.paste(event.text);
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
  const command = mapPasteKey(event);
  const { list, latest, move } = context.pasteFixes;
  const chosen = list[latest()];
  if (command?.type === 'paste') context.paste(command.text);
  else if (command?.type === 'select-fix') move(command.by);
  else if (command?.type === 'copy') copyFix(context, chosen && [chosen.number, chosen.command]);
  else if (command?.type === 'open' && chosen) {
    context.dispatch({ type: 'open-entry', id: chosen.entryId });
  }
}

function routeEntryKey(event: Extract<InputEvent, { kind: 'key' }>, context: AppKeyContext) {
  const command = mapEntryKey(event);
  const { entry } = context;
  if (command === undefined) return;
  switch (command.type) {
    case 'scroll':
      return entry.scrollBy(command.by);
    case 'scroll-page':
      return entry.scrollBy(command.direction * Math.max(1, entry.height - 1));
    case 'scroll-to':
      return entry.scrollTo(command.where === 'first' ? 0 : entry.lineCount);
    case 'select-fix':
      return entry.selectFix(command.by);
    case 'copy': {
      const fix = entry.latestFix();
      const text = entry.commands[fix];
      return copyFix(context, text === undefined ? undefined : [fix + 1, text]);
    }
    case 'back':
      return context.dispatch({ type: 'close-entry' });
  }
}

function copyFix(context: AppKeyContext, fix: [number, string] | undefined): void {
  if (fix === undefined) {
    context.dispatch({ type: 'set-status', text: 'No fix to copy here.' });
    return;
  }
  context.copy(fix[1]);
  context.dispatch({
    type: 'set-status',
    text: `Copied fix [${fix[0]}] to the clipboard (OSC 52): ${fix[1]}`,
  });
}
