// One row of a card: the bar coloured by severity (yellow for an unrecognised line), a marker
// column, and the pre-wrapped line. The selected card's bar is heavy (┃) and the others' light (│),
// and ▸ marks the chosen fix, so the selection shows without colour too.
import { Text } from 'ink';
import type { Severity } from '../kb/types.js';
import type { StyledLine } from '../report/styled-text.js';
import type { Theme } from './theme.js';

export const SELECTED_BAR = '┃';
export const OTHER_BAR = '│';
export const CHOSEN_FIX_MARK = '▸';

export interface CardRowProps {
  line: StyledLine;
  border: Severity | 'guess';
  selected: boolean;
  /** the first row of the chosen fix */
  chosen?: boolean;
  theme: Theme;
}

export function CardRow({ line, border, selected, chosen = false, theme }: CardRowProps) {
  return (
    <Text wrap="truncate-end">
      <Text color={theme.border(border)}>{selected ? SELECTED_BAR : OTHER_BAR}</Text>
      <Text {...theme.style('selected')}>{chosen ? CHOSEN_FIX_MARK : ' '}</Text>
      {line.map((part, index) => (
        <Text key={index} {...theme.style(part.role)}>
          {part.text}
        </Text>
      ))}
    </Text>
  );
}
