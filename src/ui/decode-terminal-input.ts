// Turns the raw input Ink reads from the terminal into keys and pastes. Ink's own useInput cannot
// tell a paste from typing: a pasted `q` would quit and a pasted newline would act as Enter. With
// bracketed paste on (ESC [?2004h, set by commands/tui.ts), the terminal wraps pasted text in
// ESC [200~ … ESC [201~; everything between is one paste, whatever it contains. Terminals without
// it send a paste as one burst, so a burst holding a line break is taken as a paste too.
//
// Input: the events Ink's input parser emits (an escape sequence, or a run of other characters).
// That parser knows CSI and SS3 sequences only: a control string (OSC `ESC ] … BEL`, DCS `ESC P
// … ESC \`, and APC, PM, SOS), such as a terminal's answer to a query, arrives as `ESC ]`, then
// its body as text. Its body is dropped here up to its terminator, so it is never typed; a string
// whose terminator never comes ends at a line break, at the next escape sequence or after
// MAX_CONTROL_STRING characters, so a stray `ESC ]` cannot swallow the keyboard.

export type KeyName =
  | 'text'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'page-up'
  | 'page-down'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'tab'
  | 'shift-tab'
  | 'backspace'
  | 'delete'
  | 'ctrl-c'
  | 'ctrl-u';

export type InputEvent =
  | { kind: 'paste'; text: string }
  /** `text` holds the typed characters for `text`, and is empty for other keys */
  | { kind: 'key'; key: KeyName; text: string };

export interface InputDecoder {
  push(raw: string): InputEvent[];
  /** true between a paste's start and end markers */
  readonly inPaste: boolean;
  /** ends an unterminated paste (the end marker never came) and returns it */
  flush(): InputEvent[];
}

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

/** A paste larger than this is cut: the matcher bounds lines anyway, this bounds memory. */
export const MAX_PASTE_LENGTH = 4 * 1024 * 1024;

/** The most characters of an unterminated control string dropped before typing counts again. */
export const MAX_CONTROL_STRING = 4096;

/** `ESC ]` OSC, `ESC P` DCS, `ESC _` APC, `ESC ^` PM, `ESC X` SOS */
const CONTROL_STRING_START = /^\x1b[\]P_^X]$/;
/** BEL, or the string terminator ST (`ESC \\` or 8-bit) */
const CONTROL_STRING_END = /\x07|\x1b\\|\x9c/;

const ESCAPE_KEYS: Record<string, KeyName> = {
  '\x1b': 'escape',
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x1b[5~': 'page-up',
  '\x1b[6~': 'page-down',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[Z': 'shift-tab',
  '\x1b[3~': 'delete',
};

const CONTROL_KEYS: Record<string, KeyName> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x03': 'ctrl-c',
  '\x15': 'ctrl-u',
};

export function createInputDecoder(): InputDecoder {
  let paste: string[] | undefined;
  let pasteLength = 0;
  /** characters of a control string dropped so far; undefined outside one */
  let controlString: number | undefined;

  const endPaste = (): InputEvent[] => {
    const text = (paste ?? []).join('');
    paste = undefined;
    pasteLength = 0;
    return [{ kind: 'paste', text }];
  };

  return {
    get inPaste() {
      return paste !== undefined;
    },
    flush: () => (paste === undefined ? [] : endPaste()),
    push(input) {
      let raw = input;
      if (paste !== undefined) {
        if (raw === PASTE_END) return endPaste();
        if (pasteLength < MAX_PASTE_LENGTH) {
          const kept = raw.slice(0, MAX_PASTE_LENGTH - pasteLength);
          paste.push(kept);
          pasteLength += kept.length;
        }
        return [];
      }
      if (raw === PASTE_START) {
        controlString = undefined;
        paste = [];
        return [];
      }
      if (controlString !== undefined) {
        const rest = skipControlString(raw, controlString);
        if (typeof rest === 'number') {
          controlString = rest;
          return [];
        }
        controlString = undefined;
        if (rest === '') return [];
        raw = rest;
      }
      if (CONTROL_STRING_START.test(raw)) {
        controlString = 0;
        return [];
      }
      if (raw.startsWith('\x1b')) {
        const key = ESCAPE_KEYS[raw];
        if (key) return [{ kind: 'key', key, text: '' }];
        // Esc and a key typed right after it arrive as one `ESC x` (read as Alt-x), or `ESC ESC [B`
        // for Esc then an arrow: keep both
        if (/^\x1b[\x20-\x7e]$/.test(raw)) {
          return [{ kind: 'key', key: 'escape', text: '' }, ...decodeKeys(raw.slice(1))];
        }
        const afterEscape = ESCAPE_KEYS[raw.slice(1)];
        if (raw.startsWith('\x1b\x1b') && afterEscape) {
          return [
            { kind: 'key', key: 'escape', text: '' },
            { kind: 'key', key: afterEscape, text: '' },
          ];
        }
        return [];
      }
      if (raw.length > 1 && /[\r\n]/.test(raw) && /[^\r\n]/.test(raw)) {
        return [{ kind: 'paste', text: raw.slice(0, MAX_PASTE_LENGTH) }];
      }
      return decodeKeys(raw);
    },
  };
}

/**
 * Inside a control string: what follows its end (to decode as usual), or the count of characters
 * dropped so far while it goes on. A line break, another escape sequence or the length limit end
 * it too, and are then decoded as usual.
 */
function skipControlString(raw: string, dropped: number): string | number {
  const end = CONTROL_STRING_END.exec(raw);
  if (end) return raw.slice(end.index + end[0].length);
  if (raw.startsWith('\x1b')) return raw;
  const lineBreak = raw.search(/[\r\n]/);
  if (lineBreak >= 0) return raw.slice(lineBreak);
  if (dropped + raw.length > MAX_CONTROL_STRING) return raw.slice(MAX_CONTROL_STRING - dropped);
  return dropped + raw.length;
}

/** Control characters one key each; a run of printable characters one `text` key. */
function decodeKeys(raw: string): InputEvent[] {
  const events: InputEvent[] = [];
  for (const part of raw.split(/([\x00-\x1f\x7f])/)) {
    if (part === '') continue;
    const control = CONTROL_KEYS[part];
    if (control) events.push({ kind: 'key', key: control, text: '' });
    else if (!/^[\x00-\x1f\x7f]$/.test(part)) events.push({ kind: 'key', key: 'text', text: part });
  }
  return events;
}
