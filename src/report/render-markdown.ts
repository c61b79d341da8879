// The markdown of an entry's sections (Cause, Fix, Verify, Notes) as wrapped, styled lines.
// Only the subset the KB uses: paragraphs, `# headings`, `-`/`*`/`1.` lists (nested by indent),
// fenced code, `inline code`, **bold**, *emphasis*, [links](url) and <autolinks>. remark is a
// build-time dependency only; this runs every time `show` or the TUI opens an entry.
import { span, wrapSpans, type Span, type StyledLine } from './styled-text.js';

export interface MarkdownOptions {
  width: number;
  /** before every line */
  indent?: string;
  /** false: code lines are never wrapped, so a command copied from the terminal stays whole */
  wrapCode?: boolean;
  /** keep the backticks of `inline code`: without colour they are all that sets it apart */
  quoteCode?: boolean;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;

export function renderMarkdown(markdown: string, options: MarkdownOptions): StyledLine[] {
  const indent = options.indent ?? '';
  const blocks: StyledLine[][] = [];
  const lines = markdown.replaceAll('\t', '    ').split(/\r?\n/);
  let paragraph: string[] = [];

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.map((line) => line.trim().replace(/^>\s?/, '')).join(' ');
    blocks.push(wrapSpans(parseInline(text, options), { width: options.width, indent }));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(fence[1]!); i++) {
        body.push(lines[i]!);
      }
      blocks.push(renderCode(body, options));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      blocks.push([[span(indent), ...parseInline(heading[1]!, options).map(asHeading)]]);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flushParagraph();
      const [items, next] = readList(lines, i);
      blocks.push(renderList(items, options));
      i = next - 1;
      continue;
    }
    if (line.trim() === '') flushParagraph();
    else paragraph.push(line);
  }
  flushParagraph();
  return blocks.flatMap((block, index) => (index === 0 ? block : [[], ...block]));
}

interface ListItem {
  depth: number;
  marker: string;
  text: string;
}

/** Consecutive list items and their continuation lines; returns the index after the list. */
function readList(lines: readonly string[], start: number): [ListItem[], number] {
  const items: ListItem[] = [];
  const indents: number[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const item = LIST_ITEM.exec(line);
    if (item) {
      const width = item[1]!.length;
      while (indents.length > 0 && indents[indents.length - 1]! > width) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < width) indents.push(width);
      const ordered = /\d/.test(item[2]!);
      items.push({ depth: indents.length - 1, marker: ordered ? item[2]! : '-', text: item[3]! });
    } else if (line.trim() !== '' && /^\s/.test(line) && items.length > 0) {
      items[items.length - 1]!.text += ` ${line.trim()}`;
    } else if (line.trim() === '' && LIST_ITEM.test(lines[i + 1] ?? '')) {
      continue;
    } else {
      break;
    }
  }
  return [items, i];
}

function renderList(items: readonly ListItem[], options: MarkdownOptions): StyledLine[] {
  const base = options.indent ?? '';
  return items.flatMap((item) => {
    const lead = `${base}${'  '.repeat(item.depth)}`;
    const bullet = `${item.marker} `;
    return wrapSpans(parseInline(item.text, options), {
      width: options.width,
      firstIndent: lead + bullet,
      indent: lead + ' '.repeat(bullet.length),
    });
  });
}

function renderCode(body: readonly string[], options: MarkdownOptions): StyledLine[] {
  const indent = `${options.indent ?? ''}  `;
  return body.flatMap((line) =>
    options.wrapCode === false
      ? [[span(indent), span(line, 'code')]]
      : wrapSpans([span(line, 'code')], { width: options.width, firstIndent: indent, indent }),
  );
}

function asHeading(part: Span): Span {
  return part.role === 'plain' ? { ...part, role: 'heading' } : part;
}

const INLINE =
  /(`+)(.+?)\1|\*\*(.+?)\*\*|__(.+?)__|\*(?=\S)(.+?)\*|(?<![\w\\])_(?=\S)(.+?)_(?!\w)|\[([^\]]+)\]\(([^)\s]+)\)|<(https?:\/\/[^>\s]+)>|\\([\\`*_[\]()<>#!-])/g;

/** One paragraph's inline markup as spans. Nesting (bold inside a link) is not needed by the KB. */
export function parseInline(text: string, options: { quoteCode?: boolean } = {}): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > from) spans.push(span(text.slice(from, match.index)));
    spans.push(...markupSpans(match, options.quoteCode ?? false));
    from = match.index + match[0].length;
  }
  if (from < text.length) spans.push(span(text.slice(from)));
  return spans;
}

function markupSpans(match: RegExpMatchArray, quoteCode: boolean): Span[] {
  const [, , code, bold, bold2, em, em2, label, url, autolink, escaped] = match;
  if (code !== undefined) {
    const body = code.trim() === '' ? code : code.trim();
    return [span(quoteCode ? `\`${body}\`` : body, 'code')];
  }
  if (bold !== undefined || bold2 !== undefined) return [span(bold ?? bold2 ?? '', 'strong')];
  if (em !== undefined || em2 !== undefined) return [span(em ?? em2 ?? '', 'emphasis')];
  if (label !== undefined && url !== undefined) {
    return url === label
      ? [span(label, 'link')]
      : [span(`${label} (`), span(url, 'link'), span(')')];
  }
  if (autolink !== undefined) return [span(autolink, 'link')];
  return [span(escaped ?? '')];
}
