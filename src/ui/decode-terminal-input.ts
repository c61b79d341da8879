// Turns the raw input Ink reads from the terminal into keys and pastes. Ink's own useInput cannot
// tell a paste from typing: a pasted `q` would quit and a pasted newline would act as Enter. With
// bracketed paste on (ESC [?2004h, set by commands/tui.ts), the terminal wraps pasted text in
// ESC [200~ … ESC [201~; everything between is one paste, whatever it contains. Terminals without
// it send a paste as one burst, so a burst holding a line break is taken as a paste too.
//
// Input: the events Ink's input parser emits (an escape sequence, or a run of other characters).

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
    push(raw) {
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
        paste = [];
        return [];
      }
      if (raw.startsWith('\x1b')) {
        const key = ESCAPE_KEYS[raw];
        if (key) return [{ kind: 'key', key, text: '' }];
        // Esc and a key typed right after it arrive as one `ESC x` (read as Alt-x): keep both
        if (/^\x1b[\x20-\x7e]$/.test(raw)) {
          return [{ kind: 'key', key: 'escape', text: '' }, ...decodeKeys(raw.slice(1))];
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
