// The top line: the tool's name and the views, the current one in brackets (so it shows without
// colour too), the open entry's id, and where the paste view's window is.
import { Box, Text } from 'ink';
import type { Theme } from './theme.js';
import type { View } from './use-app-state.js';

const TABS: { view: 'paste' | 'browse'; label: string }[] = [
  { view: 'paste', label: 'Paste' },
  { view: 'browse', label: 'Browse' },
];

export function Header({
  view,
  entryId,
  position,
  theme,
}: {
  view: View;
  entryId?: string;
  /** e.g. `card 2 of 3 · more ↓` */
  position?: string | undefined;
  theme: Theme;
}) {
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
        {position === undefined ? null : <Text {...theme.style('dim')}>{`   ${position}`}</Text>}
      </Text>
    </Box>
  );
}
