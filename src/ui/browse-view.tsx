// The browse view: the filter line, the matching entries (the selected one marked with ›), and
// the selected entry's summary. Every line is cut to the width, so its height is exact.
import { Box, Text } from 'ink';
import { span, wrapSpans } from '../report/styled-text.js';
import { StyledLine } from './styled-line.js';
import type { Theme } from './theme.js';
import type { BrowseState } from './use-browse-state.js';

export const PREVIEW_LINES = 3;
/** lines besides the list: the filter, a blank line and the preview */
export const BROWSE_CHROME_LINES = 2 + PREVIEW_LINES;

export function BrowseView({
  state,
  width,
  theme,
}: {
  state: BrowseState;
  width: number;
  theme: Theme;
}) {
  const { items, cursor, offset, visible, query, focus } = state;
  const rows = Array.from({ length: visible }, (_, row) => items[offset + row]);
  const selected = items[cursor];
  const preview = selected
    ? wrapSpans([span(selected.summary, 'dim')], { width }).slice(0, PREVIEW_LINES)
    : [];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.style('key')}>Filter: </Text>
        {query}
        {focus === 'filter' ? <Text inverse> </Text> : null}
        {query === '' && focus === 'filter' ? (
          <Text {...theme.style('dim')}> type an error, a sysctl, a word</Text>
        ) : null}
      </Text>
      {rows.map((entry, row) =>
        entry === undefined ? (
          <Text key={`empty-${row}`} wrap="truncate-end" {...theme.style('dim')}>
            {row === 0 && items.length === 0
              ? 'No entry matches. Try fewer words, another word, or part of the error.'
              : ' '}
          </Text>
        ) : (
          <Text key={entry.id} wrap="truncate-end">
            <Text {...theme.style(offset + row === cursor ? 'selected' : 'plain')}>
              {offset + row === cursor ? '› ' : '  '}
              {entry.id}
            </Text>
            <Text {...theme.style('dim')}>{`  ${entry.title}`}</Text>
          </Text>
        ),
      )}
      <Text> </Text>
      {Array.from({ length: PREVIEW_LINES }, (_, index) => (
        <StyledLine key={index} line={preview[index] ?? []} theme={theme} />
      ))}
    </Box>
  );
}
