// A finished card of the paste view (a diagnosis, or an unrecognised line with its guesses):
// its pre-wrapped lines behind a left bar coloured by
// severity, yellow for an unrecognised line.
import { Box } from 'ink';
import type { Card } from './paste-session.js';
import { CARD_CHROME_WIDTH, layoutDiagnosisCard, layoutSuggestionCard } from './layout-card.js';
import { StyledLine } from './styled-line.js';
import type { Theme } from './theme.js';

export interface DiagnosisCardProps {
  card: Card;
  /** the copy number of the card's first fix */
  firstFix: number;
  width: number;
  theme: Theme;
}

export function DiagnosisCard({ card, firstFix, width, theme }: DiagnosisCardProps) {
  const inner = Math.max(10, width - CARD_CHROME_WIDTH);
  const lines =
    card.kind === 'diagnosis'
      ? layoutDiagnosisCard(card.diagnosis, firstFix, inner)
      : layoutSuggestionCard(card.suggestion, inner);
  return (
    <Box
      flexDirection="column"
      borderStyle="bold"
      borderTop={false}
      borderRight={false}
      borderBottom={false}
      borderColor={theme.border(card.kind === 'diagnosis' ? card.diagnosis.severity : 'guess')}
      paddingLeft={1}
      marginBottom={1}
    >
      {lines.map((line, index) => (
        <StyledLine key={index} line={line} theme={theme} />
      ))}
    </Box>
  );
}
