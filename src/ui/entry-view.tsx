// One entry in full, scrolled: the lines come pre-wrapped from layoutEntry, so the window shows
// exactly `height` screen lines.
import { Box } from 'ink';
import type { StyledLine as Line } from '../report/styled-text.js';
import { StyledLine } from './styled-line.js';
import type { Theme } from './theme.js';

export interface EntryViewProps {
  lines: readonly Line[];
  scroll: number;
  height: number;
  theme: Theme;
}

export function EntryView({ lines, scroll, height, theme }: EntryViewProps) {
  return (
    <Box flexDirection="column">
      {Array.from({ length: height }, (_, row) => (
        <StyledLine key={row} line={lines[scroll + row] ?? []} theme={theme} />
      ))}
    </Box>
  );
}
