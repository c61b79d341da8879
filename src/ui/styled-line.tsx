// One pre-wrapped line of role-tagged text (from layoutEntry or wrapSpans) in theme colours.
// `wrap="truncate-end"`: the line already fits, this only guards against a miscount.
import { Text } from 'ink';
import type { StyledLine as Line } from '../report/styled-text.js';
import type { Theme } from './theme.js';

export function StyledLine({ line, theme }: { line: Line; theme: Theme }) {
  return (
    <Text wrap="truncate-end">
      {line.length === 0
        ? ' '
        : line.map((part, index) => (
            <Text key={index} {...theme.style(part.role)}>
              {part.text}
            </Text>
          ))}
    </Text>
  );
}
