// The live part of the paste view (the finished cards are in <Static> above it): what to do
// before anything is pasted, and the findings whose probes are still running.
import { Box, Text } from 'ink';
import type { PendingDiagnosis } from './paste-session.js';
import type { Theme } from './theme.js';

/** Pending findings shown one per line; the rest are counted. */
export const MAX_PENDING_SHOWN = 3;

export interface PasteViewProps {
  pending: readonly PendingDiagnosis[];
  hasCards: boolean;
  theme: Theme;
}

export function PasteView({ pending, hasCards, theme }: PasteViewProps) {
  const hidden = pending.length - MAX_PENDING_SHOWN;
  return (
    <Box flexDirection="column">
      {hasCards || pending.length > 0 ? null : (
        <>
          <Text>Paste rootless Docker error output here: one line or a whole log.</Text>
          <Text {...theme.style('dim')}>
            Each error it recognises becomes a card. Nothing you paste is run.
          </Text>
        </>
      )}
      {pending.slice(0, MAX_PENDING_SHOWN).map((found) => (
        <Text key={found.key} wrap="truncate-end" {...theme.style('dim')}>
          {`… checking ${found.entry.id} (line ${found.line}) on this host`}
        </Text>
      ))}
      {hidden > 0 ? <Text {...theme.style('dim')}>{`… and ${hidden} more`}</Text> : null}
    </Box>
  );
}
