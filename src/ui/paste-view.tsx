// The paste view: a window of `height` rows over the cards (re-drawn from state on every frame, so
// they are there again after a visit to Browse), then the line being typed. The window always
// has `height` rows, so the footer stays put and the view's height is exact.
import { Box, Text } from 'ink';
import type { PasteRows } from './paste-rows.js';
import { CardRow } from './card-row.js';
import { StyledLine } from './styled-line.js';
import type { Theme } from './theme.js';

export const PROMPT = '> ';
const PLACEHOLDER = 'type a line and press Enter, or paste a log';

export interface PasteViewProps {
  layout: PasteRows;
  top: number;
  height: number;
  selectedCard?: string;
  /** the row where the chosen fix starts */
  chosenRow?: number;
  typed: string;
  width: number;
  theme: Theme;
}

export function PasteView({
  layout,
  top,
  height,
  selectedCard,
  chosenRow,
  typed,
  width,
  theme,
}: PasteViewProps) {
  return (
    <Box flexDirection="column">
      {Array.from({ length: height }, (_, offset) => {
        const index = top + offset;
        const row = layout.rows[index];
        const card = row?.card === undefined ? undefined : layout.cards[row.card];
        if (!row || !card) return <StyledLine key={offset} line={row?.line ?? []} theme={theme} />;
        return (
          <CardRow
            key={offset}
            line={row.line}
            border={card.border}
            selected={card.key === selectedCard}
            chosen={index === chosenRow}
            theme={theme}
          />
        );
      })}
      <TypedLine typed={typed} width={width} theme={theme} />
    </Box>
  );
}

/** The typed line, its end when it is wider than the screen, and a block cursor. */
function TypedLine({ typed, width, theme }: { typed: string; width: number; theme: Theme }) {
  const room = Math.max(1, width - PROMPT.length - 1);
  const characters = [...typed];
  const shown = characters.length > room ? `…${characters.slice(-(room - 1)).join('')}` : typed;
  return (
    <Text wrap="truncate-end">
      <Text {...theme.style('key')}>{PROMPT}</Text>
      {shown}
      <Text inverse> </Text>
      {typed === '' ? <Text {...theme.style('dim')}>{` ${PLACEHOLDER}`}</Text> : null}
    </Text>
  );
}
