// Which view is showing and what surrounds it: the open entry and where Esc returns from it, the
// help overlay, the quitting flag (the live area is cleared before Ink exits, so the terminal
// keeps the cards and not a stale footer), and the last status message.
import { useSyncedReducer } from './use-synced-reducer.js';

export type View = 'paste' | 'browse' | 'entry';

export interface AppState {
  view: View;
  entryId?: string;
  /** the key of the paste card the entry was opened from, whose values fill its commands */
  entryCard?: string;
  /** the view Esc returns to from an entry */
  back: 'paste' | 'browse';
  help: boolean;
  quitting: boolean;
  status?: string;
}

export type AppAction =
  | { type: 'next-view' }
  | { type: 'show'; view: 'paste' | 'browse' }
  | { type: 'open-entry'; id: string; card?: string }
  | { type: 'close-entry' }
  | { type: 'toggle-help' }
  | { type: 'quit' }
  | { type: 'set-status'; text?: string };

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'next-view': {
      // from an entry, Tab goes to the view it was not opened from
      const from = state.view === 'entry' ? state.back : state.view;
      return { ...state, view: from === 'paste' ? 'browse' : 'paste', status: undefined };
    }
    case 'show':
      return { ...state, view: action.view, status: undefined };
    case 'open-entry':
      return {
        ...state,
        view: 'entry',
        entryId: action.id,
        entryCard: action.card,
        back: state.view === 'entry' ? state.back : state.view,
        status: undefined,
      };
    case 'close-entry':
      return { ...state, view: state.back, status: undefined };
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'quit':
      return { ...state, quitting: true };
    case 'set-status':
      return { ...state, status: action.text };
  }
}

export function useAppState(initialView: 'paste' | 'browse' = 'paste') {
  return useSyncedReducer(appReducer, () => ({
    view: initialView,
    back: initialView,
    help: false,
    quitting: false,
  }));
}
