// The top line: the tool's name and the views, the current one in brackets (so it shows without
// colour too), and the open entry's id.
import { Box, Text } from 'ink';
import type { Theme } from './theme.js';
import type { View } from './use-app-state.js';

const TABS: { view: 'paste' | 'browse'; label: string }[] = [
  { view: 'paste', label: 'Paste' },
  { view: 'browse', label: 'Browse' },
];

export function Header({ view, entryId, theme }: { view: View; entryId?: string; theme: Theme }) {
  return (
    <Box>
      <Text wrap="truncate-end">
        <Text {...theme.style('title')}>rootless-doctor</Text>
        {TABS.map(({ view: tab, label }) => (
          <Text key={tab} {...theme.style(tab === view ? 'active-tab' : 'tab')}>
            {tab === view ? `  [${label}]` : `   ${label} `}
          </Text>
        ))}
        {view === 'entry' && entryId !== undefined ? (
          <Text {...theme.style('active-tab')}>{`  [${entryId}]`}</Text>
        ) : null}
      </Text>
    </Box>
  );
}
