// What Docker's docs source writes differently from what a reader sees: Hugo shortcodes
// (`{{< tabs >}}`, `{{< tab name="Ubuntu" >}}`, `{{% include "x.md" %}}`), HTML entities (`&lt;`,
// `&#39;`) and markdown backslash escapes (`\[`, `\_`). Pure string functions for the importer.

/** `{{< name params >}}`, `{{% name params %}}`, `{{< /name >}}`, `{{< name />}}` */
const SHORTCODE = /\{\{[<%]\s*(\/?)\s*([\w.-]+)([^\n]*?)\/?\s*[>%]\}\}/;
const SHORTCODES = new RegExp(SHORTCODE.source, 'g');
const WHOLE_LINE = /^[ \t]*(\{\{[<%][^\n]*?[>%]\}\})[ \t]*$/gm;
const LABEL_PARAM = /\b(?:name|title)="([^"\n]*)"/;

/**
 * Removes every shortcode and keeps what it wraps. One alone on its line becomes a blank line, so
 * the markdown around it parses as it does on the site; an opening tag with a `name` or `title`
 * (a tab, an accordion) leaves that label, `*Ubuntu:*`, to start the text it wraps.
 */
export function stripShortcodes(markdown: string): string {
  const alone = markdown.replace(WHOLE_LINE, (_line, code: string) => {
    const label = labelOf(code);
    return label ? `\n*${label}:*` : '';
  });
  return alone.replace(SHORTCODES, '');
}

function labelOf(code: string): string | undefined {
  const match = SHORTCODE.exec(code);
  if (!match || match[1] === '/') return undefined;
  return LABEL_PARAM.exec(match[3] ?? '')?.[1]?.trim() || undefined;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  larr: '←',
  rarr: '→',
  times: '×',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** A backslash before ASCII punctuation (CommonMark), or an entity: one pass, so `\&lt;` stays `&lt;`. */
const ESCAPE_OR_ENTITY =
  /\\([!-/:-@[-`{-~])|&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Inline text as the reader sees it: escapes and entities decoded (unknown names stay as written). */
export function decodeText(text: string): string {
  return text.replace(
    ESCAPE_OR_ENTITY,
    (whole, escaped?: string, decimal?: string, hex?: string, name?: string) => {
      if (escaped !== undefined) return escaped;
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      return codePoint(decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16));
    },
  );
}

function codePoint(value: number): string {
  const valid = value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff);
  return String.fromCodePoint(valid ? value : 0xfffd);
}

const FENCE = /^\s*(`{3,}|~{3,})/;
const CODE_SPAN = /(`+)[^`]+?\1/g;

/**
 * Markdown with its prose decoded (`decodeText`) and its code left as written: fenced blocks and
 * `inline code` show their text literally on the site, entities and backslashes included.
 */
export function decodeProse(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return decodeOutsideCode(line);
    })
    .join('\n');
}

function decodeOutsideCode(line: string): string {
  let out = '';
  let last = 0;
  for (const span of line.matchAll(CODE_SPAN)) {
    out += decodeText(line.slice(last, span.index)) + span[0];
    last = span.index + span[0].length;
  }
  return out + decodeText(line.slice(last));
}
