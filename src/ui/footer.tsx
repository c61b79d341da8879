// The bottom two lines: a status line (what happened, what is selected) and the keys of the
// current view. Both are cut to one line each, so views can count on the footer's height.
import { Box, Text } from 'ink';
import type { Theme } from './theme.js';

export const FOOTER_HEIGHT = 2;

export type KeyHint = [key: string, what: string];

export function Footer({
  status,
  hints,
  theme,
}: {
  status: string;
  hints: KeyHint[];
  theme: Theme;
}) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" {...theme.style('status')}>
        {status === '' ? ' ' : status}
      </Text>
      <Text wrap="truncate-end">
        {hints.map(([key, what], index) => (
          <Text key={key}>
            {index > 0 ? ' · ' : ''}
            <Text {...theme.style('key')}>{key}</Text> {what}
          </Text>
        ))}
      </Text>
    </Box>
  );
}
