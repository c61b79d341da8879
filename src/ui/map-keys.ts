// Which key does what, per view, as pure functions from a decoded key to a command; the help
// overlay and the footers describe exactly these bindings. The browse filter takes printable
// keys as text, so there `q`, `?`, `j` and `k` type; Esc hands the keys to the list. The paste
// view has a line to type into: a letter is a shortcut only while that line is empty and it comes
// alone (several characters at once are typing, or a paste from a terminal without bracketed
// paste); once something is typed, every printable key is text.
import type { InputEvent } from './decode-terminal-input.js';
import type { BrowseAction, BrowseFocus } from './use-browse-state.js';

export type GlobalCommand = 'quit' | 'help' | 'next-view' | 'previous-view';

export type BrowseCommand = BrowseAction | { type: 'open' } | { type: 'back' };

export type EntryCommand =
  | { type: 'scroll'; by: number }
  | { type: 'scroll-page'; direction: 1 | -1 }
  | { type: 'scroll-to'; where: 'first' | 'last' }
  | { type: 'select-fix'; by: 1 | -1 }
  | { type: 'copy' }
  | { type: 'back' };

export type PasteCommand =
  | { type: 'select-fix'; by: 1 | -1 }
  | { type: 'move-card'; by: 1 | -1 }
  | { type: 'card'; where: 'first' | 'last' }
  | { type: 'scroll-page'; direction: 1 | -1 }
  | { type: 'copy' }
  | { type: 'open' }
  | { type: 'filter' }
  | { type: 'type'; text: string }
  | { type: 'delete-back' }
  | { type: 'clear-line' }
  | { type: 'submit' };

type Key = Extract<InputEvent, { kind: 'key' }>;

export function mapGlobalKey(event: Key, typing: boolean): GlobalCommand | undefined {
  if (event.key === 'ctrl-c') return 'quit';
  if (event.key === 'tab') return 'next-view';
  if (event.key === 'shift-tab') return 'previous-view';
  if (typing || event.key !== 'text') return undefined;
  if (event.text === 'q') return 'quit';
  if (event.text === '?') return 'help';
  return undefined;
}

export function mapBrowseKey(event: Key, focus: BrowseFocus): BrowseCommand | undefined {
  switch (event.key) {
    case 'up':
      return { type: 'move', by: -1 };
    case 'down':
      return { type: 'move', by: 1 };
    case 'page-up':
      return { type: 'move-page', direction: -1 };
    case 'page-down':
      return { type: 'move-page', direction: 1 };
    case 'home':
      return { type: 'move-to', where: 'first' };
    case 'end':
      return { type: 'move-to', where: 'last' };
    case 'enter':
      return { type: 'open' };
    case 'escape':
      return focus === 'filter' ? { type: 'focus', focus: 'list' } : { type: 'back' };
    case 'backspace':
      return focus === 'filter' ? { type: 'delete-back' } : undefined;
    case 'ctrl-u':
      return { type: 'clear-query' };
    case 'text':
      return focus === 'filter'
        ? { type: 'insert-text', text: event.text }
        : mapListLetter(event.text);
    default:
      return undefined;
  }
}

function mapListLetter(text: string): BrowseCommand | undefined {
  if (text === 'j') return { type: 'move', by: 1 };
  if (text === 'k') return { type: 'move', by: -1 };
  if (text === 'g') return { type: 'move-to', where: 'first' };
  if (text === 'G') return { type: 'move-to', where: 'last' };
  if (text === '/') return { type: 'focus', focus: 'filter' };
  return undefined;
}

export function mapEntryKey(event: Key): EntryCommand | undefined {
  const letter = event.key === 'text' ? event.text : '';
  if (event.key === 'up' || letter === 'k') return { type: 'scroll', by: -1 };
  if (event.key === 'down' || letter === 'j') return { type: 'scroll', by: 1 };
  if (event.key === 'page-up' || letter === 'b') return { type: 'scroll-page', direction: -1 };
  if (event.key === 'page-down' || letter === ' ') return { type: 'scroll-page', direction: 1 };
  if (event.key === 'home' || letter === 'g') return { type: 'scroll-to', where: 'first' };
  if (event.key === 'end' || letter === 'G') return { type: 'scroll-to', where: 'last' };
  if (event.key === 'left' || letter === 'h') return { type: 'select-fix', by: -1 };
  if (event.key === 'right' || letter === 'l') return { type: 'select-fix', by: 1 };
  if (letter === 'c') return { type: 'copy' };
  if (event.key === 'escape' || event.key === 'backspace') return { type: 'back' };
  return undefined;
}

/** `typed`: the line being typed is not empty. */
export function mapPasteKey(event: Key, typed: boolean): PasteCommand | undefined {
  switch (event.key) {
    case 'left':
      return { type: 'select-fix', by: -1 };
    case 'right':
      return { type: 'select-fix', by: 1 };
    case 'up':
      return { type: 'move-card', by: -1 };
    case 'down':
      return { type: 'move-card', by: 1 };
    case 'page-up':
      return { type: 'scroll-page', direction: -1 };
    case 'page-down':
      return { type: 'scroll-page', direction: 1 };
    case 'home':
      return { type: 'card', where: 'first' };
    case 'end':
      return { type: 'card', where: 'last' };
    case 'enter':
      return typed ? { type: 'submit' } : { type: 'open' };
    case 'backspace':
      return typed ? { type: 'delete-back' } : undefined;
    case 'escape':
    case 'ctrl-u':
      return typed ? { type: 'clear-line' } : undefined;
    case 'text':
      return (typed ? undefined : mapPasteLetter(event.text)) ?? { type: 'type', text: event.text };
    default:
      return undefined;
  }
}

/** Few letters, since each one cannot start a typed line (a leading space can): no h j k l here. */
function mapPasteLetter(text: string): PasteCommand | undefined {
  if (text === 'c') return { type: 'copy' };
  if (text === '/') return { type: 'filter' };
  return undefined;
}
