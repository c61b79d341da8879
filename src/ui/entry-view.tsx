// One entry in full, scrolled: the lines come pre-wrapped from layoutEntry, so the window shows
// exactly `height` screen lines. ▸ in the first column marks the chosen fix (layoutEntry indents
// fixes by two spaces, so the mark replaces a space).
import { Box } from 'ink';
import type { StyledLine as Line } from '../report/styled-text.js';
import { CHOSEN_FIX_MARK } from './card-row.js';
import { StyledLine } from './styled-line.js';
import type { Theme } from './theme.js';

export interface EntryViewProps {
  lines: readonly Line[];
  scroll: number;
  height: number;
  /** the line where the chosen fix starts */
  chosenRow?: number | undefined;
  theme: Theme;
}

export function EntryView({ lines, scroll, height, chosenRow, theme }: EntryViewProps) {
  return (
    <Box flexDirection="column">
      {Array.from({ length: height }, (_, row) => {
        const line = lines[scroll + row] ?? [];
        return (
          <StyledLine
            key={row}
            line={scroll + row === chosenRow ? markChosen(line) : line}
            theme={theme}
          />
        );
      })}
    </Box>
  );
}

function markChosen(line: Line): Line {
  const [first, ...rest] = line;
  if (!first?.text.startsWith(' ')) return line;
  return [
    { text: CHOSEN_FIX_MARK, role: 'strong' },
    { ...first, text: first.text.slice(1) },
    ...rest,
  ];
}
