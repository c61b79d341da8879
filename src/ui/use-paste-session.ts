// The paste view's state: finished cards, findings whose probes are still running, and how many
// lines were read. One diagnosis session lives as long as the app, across pastes, so the same
// error pasted twice is one card; it decides everything, this hook only keeps what it emits.
import { useCallback, useRef, useState } from 'react';
import { DiagnosisSession, type DiagnosisSessionOptions } from '../diagnose/diagnosis-session.js';
import {
  applySessionEvent,
  NO_CARDS,
  type Card,
  type PasteCards,
  type PendingDiagnosis,
} from './paste-session.js';

export interface PasteState {
  cards: Card[];
  pending: PendingDiagnosis[];
  linesRead: number;
  paste(text: string): void;
}

export function usePasteSession(options: DiagnosisSessionOptions): PasteState {
  const [state, setState] = useState<PasteCards>(NO_CARDS);
  const [linesRead, setLinesRead] = useState(0);
  const session = useRef<DiagnosisSession | undefined>(undefined);
  session.current ??= new DiagnosisSession(options, (event) =>
    setState((current) => applySessionEvent(current, event)),
  );

  const paste = useCallback((text: string) => {
    session.current!.paste(text);
    setLinesRead(session.current!.linesRead);
  }, []);

  return { cards: state.cards, pending: state.pending, linesRead, paste };
}
