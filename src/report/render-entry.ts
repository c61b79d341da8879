// One knowledge-base entry in full, as styled lines (the TUI's entry view) or as text (`show`).
// What to do comes first: title, id, severity and tags, summary, the fixes, the prose sections
// rendered from markdown; then the signatures and probes it is recognised by, and the links.
import type { CompiledEntry } from '../kb/types.js';
import { describeProbe } from './describe-probe.js';
import { renderMarkdown } from './render-markdown.js';
import { renderStyledLines, span, wrapSpans, type StyledLine } from './styled-text.js';

export interface EntryLayoutOptions {
  width: number;
  /** false: regexes, commands and links are never wrapped, so a copied command stays whole */
  wrapCode?: boolean;
  /** keep the backticks of `inline code` in prose (for output without colour) */
  quoteCode?: boolean;
}

const INDENT = '  ';
/** where a fix's text and command start, after `  [1] ` */
const FIX_INDENT = '      ';

export function layoutEntry(entry: CompiledEntry, options: EntryLayoutOptions): StyledLine[] {
  const { width } = options;
  const wrapCode = options.wrapCode ?? true;
  const code = (text: string, role: 'code' | 'command' | 'link', prefix = INDENT) =>
    wrapCode
      ? wrapSpans([span(text, role)], { width, firstIndent: prefix, indent: prefix + INDENT })
      : [[span(prefix), span(text, role)]];

  const sections: StyledLine[][] = [
    [
      ...wrapSpans([span(entry.title, 'title')], { width }),
      ...wrapSpans(
        [
          span(entry.id, 'id'),
          span(' · '),
          span(entry.severity, entry.severity),
          ...(entry.tags.length > 0 ? [span(` · ${entry.tags.join(', ')}`, 'dim')] : []),
        ],
        { width },
      ),
    ],
    wrapSpans([span(entry.summary)], { width }),
  ];
  let number = 1;
  const fixes = entry.fixes.flatMap((fix) => {
    const label = fix.command === undefined ? '•' : `[${number++}]`;
    return [
      ...wrapSpans([span(fix.text), ...(fix.root ? [span(' (needs root)', 'dim')] : [])], {
        width,
        firstIndent: `${INDENT}${label} `.padEnd(FIX_INDENT.length),
        indent: FIX_INDENT,
      }),
      ...(fix.command === undefined ? [] : code(`$ ${fix.command}`, 'command', FIX_INDENT)),
    ];
  });
  if (fixes.length > 0) sections.push(section('Fixes', fixes));
  for (const [heading, markdown] of [
    ['Cause', entry.cause],
    ['Fix', entry.fix],
    ['Verify', entry.verify],
    ['Notes', entry.notes],
  ] as const) {
    if (markdown === undefined || markdown.trim() === '') continue;
    const quoteCode = options.quoteCode ?? false;
    sections.push(
      section(heading, renderMarkdown(markdown, { width, indent: INDENT, wrapCode, quoteCode })),
    );
  }
  const signatures = entry.signatures.flatMap((signature) => code(signature.regex, 'code'));
  sections.push(section('Signatures', signatures));
  if (entry.probes.length > 0) {
    const probes = entry.probes.flatMap((probe) => [
      [span(INDENT), span(probe.id, 'id')],
      ...wrapSpans([span(describeProbe(probe))], { width, indent: INDENT.repeat(2) }),
    ]);
    sections.push(section('Probes', probes));
  }
  if (entry.links.length > 0) {
    sections.push(
      section(
        'Links',
        entry.links.flatMap((link) => code(link, 'link')),
      ),
    );
  }
  return sections.flatMap((lines, index) => (index === 0 ? lines : [[], ...lines]));
}

export function renderEntry(
  entry: CompiledEntry,
  options: { width: number; color: boolean },
): string {
  const lines = layoutEntry(entry, {
    width: options.width,
    wrapCode: false,
    quoteCode: !options.color,
  });
  return `${renderStyledLines(lines, options.color)}\n`;
}

function section(heading: string, body: StyledLine[]): StyledLine[] {
  return [[span(heading, 'heading')], ...body];
}
