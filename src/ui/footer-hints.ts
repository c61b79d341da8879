// The keys the footer lists in each view (the help overlay lists them all).
import type { KeyHint } from './footer.js';
import type { View } from './use-app-state.js';
import type { BrowseFocus } from './use-browse-state.js';

/** `typing`: the paste view's line has text, so letters type and Enter diagnoses it. */
export function hintsFor(view: View, focus: BrowseFocus, help: boolean, typing = false): KeyHint[] {
  if (help) return [['any key', 'close help']];
  if (view === 'paste' && typing) {
    return [
      ['enter', 'diagnose the line'],
      ['esc', 'clear it'],
      ['tab', 'browse'],
      ['ctrl-c', 'quit'],
    ];
  }
  if (view === 'paste') {
    return [
      ['↑↓', 'card'],
      ['←→', 'fix'],
      ['c', 'copy'],
      ['enter', 'open entry'],
      ['tab', 'browse'],
      ['?', 'help'],
      ['q', 'quit'],
    ];
  }
  if (view === 'entry') {
    return [
      ['↑↓', 'scroll'],
      ['space', 'page'],
      ['c', 'copy fix'],
      ['←→', 'choose fix'],
      ['esc', 'back'],
      ['?', 'help'],
      ['q', 'quit'],
    ];
  }
  if (focus === 'filter') {
    return [
      ['type', 'filter'],
      ['↑↓', 'move'],
      ['enter', 'open'],
      ['esc', 'list keys'],
      ['tab', 'paste'],
      ['ctrl-c', 'quit'],
    ];
  }
  return [
    ['j/k', 'move'],
    ['enter', 'open'],
    ['/', 'filter'],
    ['esc', 'paste'],
    ['?', 'help'],
    ['q', 'quit'],
  ];
}
