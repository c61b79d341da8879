// `search` output: text (id and title, then the summary cut to one line, best first) or one JSON
// document. The caller picks one; each returns the whole text to write.
import { renderStyledLines, span } from './styled-text.js';
import type { SearchHit } from '../search/create-kb-search.js';

export const MAX_SHOWN_RESULTS = 10;

export function renderSearchText(
  hits: readonly SearchHit[],
  options: { width: number; color: boolean },
): string {
  const lines = hits.flatMap(({ entry }) => [
    [span(entry.id, 'id'), span('  '), span(entry.title, 'title')],
    [span(`  ${cutToWidth(entry.summary, options.width - 2)}`, 'dim')],
  ]);
  return `${renderStyledLines(lines, options.color)}\n`;
}

export function renderSearchJson(query: string, hits: readonly SearchHit[]): string {
  const results = hits.map(({ entry, score, match, why }) => ({
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    severity: entry.severity,
    tags: entry.tags,
    match,
    score: Math.round(score * 1000) / 1000,
    why,
  }));
  return `${JSON.stringify({ query, results })}\n`;
}

function cutToWidth(text: string, width: number): string {
  const characters = [...text];
  if (characters.length <= width) return text;
  return `${characters
    .slice(0, Math.max(1, width - 1))
    .join('')
    .trimEnd()}…`;
}
