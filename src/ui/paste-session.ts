// The TUI's paste view as a sink of the diagnosis session (src/diagnose/diagnosis-session.ts):
// its events folded into what the view shows, finished cards in input order and the findings
// whose probes are still running. Pure, so the same fold is what tests compare with pipe mode.
import type { Diagnosis, Suggestion } from '../diagnose/types.js';
import type { PendingDiagnosis, SessionEvent } from '../diagnose/diagnosis-session.js';

export type { PendingDiagnosis } from '../diagnose/diagnosis-session.js';

export type Card =
  | { kind: 'diagnosis'; key: string; diagnosis: Diagnosis }
  | { kind: 'suggestion'; key: string; suggestion: Suggestion };

export interface PasteCards {
  cards: Card[];
  pending: PendingDiagnosis[];
}

export const NO_CARDS: PasteCards = { cards: [], pending: [] };

/** The state after one event; unchanged (the same object) for events the view does not show. */
export function applySessionEvent(state: PasteCards, event: SessionEvent): PasteCards {
  switch (event.type) {
    case 'found': {
      const { key, entry, line } = event;
      return { ...state, pending: [...state.pending, { key, entry, line }] };
    }
    case 'diagnosis':
      return {
        pending: state.pending.filter((found) => found.key !== event.key),
        cards: [...state.cards, { kind: 'diagnosis', key: event.key, diagnosis: event.diagnosis }],
      };
    case 'verdict-updated':
      // the card stays where it is, with the verdict that now stands
      return {
        ...state,
        cards: state.cards.map((card) =>
          card.key === event.key && card.kind === 'diagnosis'
            ? { ...card, diagnosis: event.diagnosis }
            : card,
        ),
      };
    case 'suggestion':
      return {
        ...state,
        cards: [
          ...state.cards,
          { kind: 'suggestion', key: event.key, suggestion: event.suggestion },
        ],
      };
    case 'summary':
      return state;
  }
}
