// Text with roles instead of colours, and the one table of roles → colours (ROLE_STYLES) that every
// surface uses: pipe text, `check`, `show` and `search` turn styled lines into ANSI (or plain) text
// here, the TUI turns the same roles into Ink <Text> props (ui/theme.ts derives from this table).
// Marks (✗ ? – ✓ !) and their meanings are in marks.ts. Wrapping works on the spans, before any
// escape code exists, so widths are plain lengths.

export type TextRole =
  | 'plain'
  | 'title'
  | 'heading'
  | 'id'
  | 'code'
  | 'command'
  | 'strong'
  | 'emphasis'
  | 'dim'
  | 'link'
  | 'error'
  | 'warning'
  | 'info'
  | 'evidence'
  | 'guess'
  | 'verdict-confirmed'
  | 'verdict-ruled-out'
  | 'verdict-unknown'
  | 'passed'
  | 'selected'
  | 'key'
  | 'tab'
  | 'active-tab'
  | 'status';

export interface Span {
  text: string;
  role: TextRole;
}

export type StyledLine = Span[];

export type BasicColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'gray';

export interface RoleStyle {
  color?: BasicColor;
  bold?: boolean;
  italic?: boolean;
  dim?: boolean;
  underline?: boolean;
}

/**
 * One colour, one meaning: red is a problem (an error, a confirmed cause, a failed check), yellow
 * is "look closer" (a warning, cannot tell, a guess), green is only a passed check, gray is what
 * does not apply here (ruled out), cyan is what to type or look up (ids, commands), blue is
 * information (info severity, links). Without colour every role keeps only its emphasis, and the
 * marks and words carry the meaning.
 */
export const ROLE_STYLES: Record<TextRole, RoleStyle> = {
  plain: {},
  title: { bold: true },
  heading: { bold: true, color: 'cyan' },
  id: { color: 'cyan' },
  code: { color: 'yellow' },
  command: { color: 'cyan' },
  strong: { bold: true },
  emphasis: { italic: true },
  dim: { dim: true },
  link: { color: 'blue', underline: true },
  error: { bold: true, color: 'red' },
  warning: { bold: true, color: 'yellow' },
  info: { bold: true, color: 'blue' },
  evidence: { color: 'magenta' },
  guess: { italic: true, color: 'yellow' },
  'verdict-confirmed': { bold: true, color: 'red' },
  'verdict-unknown': { color: 'yellow' },
  'verdict-ruled-out': { color: 'gray' },
  passed: { color: 'green' },
  // the TUI's own
  selected: { bold: true, color: 'cyan' },
  key: { bold: true },
  tab: { dim: true },
  'active-tab': { bold: true, color: 'cyan' },
  status: { dim: true },
};

export function span(text: string, role: TextRole = 'plain'): Span {
  return { text, role };
}

export function lineLength(line: StyledLine): number {
  return line.reduce((length, part) => length + [...part.text].length, 0);
}

export interface WrapOptions {
  width: number;
  /** put before the first line */
  firstIndent?: string;
  /** put before every later line (hanging indent for list items) */
  indent?: string;
}

/**
 * Greedy word wrap. A word is a run of non-space characters and may span several spans (`(` then
 * `code`), so it is never split between them. Spaces are break points and are dropped at a break;
 * a word longer than a line is cut. Spaces before the first word are kept (code indentation).
 */
export function wrapSpans(spans: readonly Span[], options: WrapOptions): StyledLine[] {
  const { width } = options;
  const indent = options.indent ?? '';
  const lines: StyledLine[] = [];
  let line: StyledLine = [];
  let column = 0;
  let atLineStart = true;

  const append = (text: string, role: TextRole) => {
    const last = line[line.length - 1];
    if (last && last.role === role) last.text += text;
    else line.push(span(text, role));
    column += [...text].length;
  };
  const startLine = (prefix: string) => {
    line = [];
    column = 0;
    if (prefix) append(prefix, 'plain');
    atLineStart = true;
  };
  const breakLine = () => {
    lines.push(line);
    startLine(indent);
  };

  startLine(options.firstIndent ?? indent);
  for (const { space, pieces } of splitWords(spans)) {
    const length = pieces.reduce((sum, piece) => sum + piece.characters.length, 0);
    const keptSpace = !atLineStart || lines.length === 0 ? space : undefined;
    if (!atLineStart && column + (keptSpace?.text.length ?? 0) + length > width) breakLine();
    else if (keptSpace) append(keptSpace.text, keptSpace.role);
    for (const piece of pieces) {
      let characters = piece.characters;
      while (column + characters.length > width && !(column >= width && atLineStart)) {
        const fits = width - column;
        if (fits <= 0) {
          breakLine();
          continue;
        }
        append(characters.slice(0, fits).join(''), piece.role);
        characters = characters.slice(fits);
        breakLine();
      }
      if (characters.length > 0) append(characters.join(''), piece.role);
      atLineStart = false;
    }
  }
  lines.push(line);
  return lines;
}

interface Word {
  /** the spaces before the word, if any */
  space?: Span;
  pieces: { characters: string[]; role: TextRole }[];
}

function splitWords(spans: readonly Span[]): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let space: Span | undefined;
  for (const part of spans) {
    for (const token of part.text.split(/( +)/)) {
      if (token === '') continue;
      if (token.startsWith(' ')) {
        space = { text: (space?.text ?? '') + token, role: space?.role ?? part.role };
        current = undefined;
        continue;
      }
      if (current === undefined) {
        current = space ? { space, pieces: [] } : { pieces: [] };
        words.push(current);
        space = undefined;
      }
      current.pieces.push({ characters: [...token], role: part.role });
    }
  }
  return words;
}

const SGR: Record<BasicColor, number> = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
};

/** One string, lines joined by newlines, with ANSI styles when `color` is true. */
export function renderStyledLines(lines: readonly StyledLine[], color: boolean): string {
  return lines
    .map((line) =>
      line
        .map((part) => paint(part.text, part.role, color))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** `text` in its role's style (SGR codes), or as it is without colour. */
export function paint(text: string, role: TextRole, color: boolean): string {
  return color ? applyStyle(text, ROLE_STYLES[role]) : text;
}

function applyStyle(text: string, style: RoleStyle): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.color) codes.push(SGR[style.color]);
  return codes.length === 0 || text.trim() === '' ? text : `\x1b[${codes.join(';')}m${text}\x1b[0m`;
}
