// `?`: every key of every view on one screen (it fits 80×24). Any key closes it.
import { Box, Text } from 'ink';
import type { Theme } from './theme.js';

const HELP: [section: string, keys: string, what: string][] = [
  ['Everywhere', 'tab  shift-tab', 'switch between Paste and Browse'],
  ['', '?', 'this help'],
  ['', 'q  ctrl-c', 'quit (while typing, only ctrl-c)'],
  ['Paste', 'paste', 'diagnose the pasted lines; nothing is run'],
  ['', 'type  enter', 'diagnose a typed line; esc clears it'],
  ['', '↑ ↓  pgup pgdn', 'choose a card; scroll'],
  ['', '← →', 'choose a fix'],
  ['', 'c', 'copy the chosen fix (OSC 52 clipboard)'],
  ['', 'enter', "open the card's entry"],
  ['', '/', 'search the entries (the Browse filter)'],
  ['', 'c q ? /', 'keys only on an empty line; a space first types them'],
  ['Browse', 'type', 'filter by id, title, keyword, error text'],
  ['', '↑ ↓  pgup pgdn', 'move'],
  ['', 'enter', 'open the selected entry'],
  ['', 'esc', 'give the keys to the list: j k g G move, / filters'],
  ['Entry', '↑ ↓  j k', 'scroll'],
  ['', 'space  b', 'page down, page up'],
  ['', '← →  h l', 'choose a fix; c copies it'],
  ['', 'esc', 'back'],
];

export function HelpOverlay({ theme }: { theme: Theme }) {
  return (
    <Box flexDirection="column">
      <Text {...theme.style('heading')}>Keys</Text>
      {HELP.map(([section, keys, what], index) => (
        <Text key={index} wrap="truncate-end">
          {section.padEnd(12)}
          <Text {...theme.style('key')}>{keys.padEnd(16)}</Text>
          {what}
        </Text>
      ))}
    </Box>
  );
}

export const HELP_HEIGHT = HELP.length + 1;
