// The paste view's state: finished cards (append-only, rendered in <Static>), findings whose probes
// are still running, and how many lines were read. The session lives as long as the app.
import { useCallback, useRef, useState } from 'react';
import {
  PasteSession,
  type Card,
  type PasteSessionOptions,
  type PendingDiagnosis,
} from './paste-session.js';

export interface PasteState {
  cards: Card[];
  pending: PendingDiagnosis[];
  linesRead: number;
  paste(text: string): void;
}

export function usePasteSession(options: PasteSessionOptions): PasteState {
  const [cards, setCards] = useState<Card[]>([]);
  const [pending, setPending] = useState<PendingDiagnosis[]>([]);
  const [linesRead, setLinesRead] = useState(0);
  const session = useRef<PasteSession | undefined>(undefined);
  session.current ??= new PasteSession(options, {
    onPending: (found) => setPending((current) => [...current, found]),
    onCard: (card) => {
      setPending((current) => current.filter((found) => found.key !== card.key));
      setCards((current) => [...current, card]);
    },
  });

  const paste = useCallback((text: string) => {
    session.current!.paste(text);
    setLinesRead(session.current!.linesRead);
  }, []);

  return { cards, pending, linesRead, paste };
}
