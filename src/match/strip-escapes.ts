// Removes terminal escape sequences and control characters from one line of text.
//
// The rules mirror, character for character, the byte-level skipping in line-scanner.ts, so that a
// literal the prefilter finds behind colour codes is also present in the text the regexes see:
// - ESC [ params(0x30-0x3F)* intermediates(0x20-0x2F)* final(0x40-0x7E)   CSI (colours, cursor)
// - ESC ] / P / X / ^ / _ ... up to BEL or the next ESC (ESC \ is ST)     OSC, DCS and other strings
// - ESC intermediates(0x20-0x2F)* final(0x30-0x7E)                        charset and other short ones
// - a lone ESC is dropped; a sequence never extends past the end of the line
// - C0 controls except tab, DEL, and C1 controls (U+0080-U+009F) are dropped.

const NEEDS_WORK = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;

const ESC = 0x1b;
const BEL = 0x07;

export function stripEscapes(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let out = '';
  let keptFrom = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isDropped(code)) {
      i++;
      continue;
    }
    out += text.slice(keptFrom, i);
    i = code === ESC ? skipEscapeSequence(text, i + 1) : i + 1;
    keptFrom = i;
  }
  return out + text.slice(keptFrom);
}

function isDropped(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

/** Returns the index just after the escape sequence whose ESC was at `start - 1`. */
function skipEscapeSequence(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (Number.isNaN(first)) return start;
  if (first === 0x5b /* [ */) {
    let i = start + 1;
    while (i < text.length && inRange(text.charCodeAt(i), 0x20, 0x3f)) i++;
    return i < text.length && inRange(text.charCodeAt(i), 0x40, 0x7e) ? i + 1 : i;
  }
  if (isStringIntroducer(first)) return skipControlString(text, start + 1);
  if (inRange(first, 0x20, 0x2f)) {
    let i = start + 1;
    while (i < text.length && inRange(text.charCodeAt(i), 0x20, 0x2f)) i++;
    return i < text.length && inRange(text.charCodeAt(i), 0x30, 0x7e) ? i + 1 : i;
  }
  if (inRange(first, 0x30, 0x7e)) return start + 1;
  return start;
}

/**
 * OSC, DCS, SOS, PM and APC run to BEL or to the next ESC, which then starts a sequence of its own
 * (`ESC \`, the string terminator, is one; anything else is what a terminal would do too).
 */
function skipControlString(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BEL) return i + 1;
    if (code === ESC) return i;
  }
  return text.length;
}

export function isStringIntroducer(code: number): boolean {
  // ] P X ^ _
  return code === 0x5d || code === 0x50 || code === 0x58 || code === 0x5e || code === 0x5f;
}

export function inRange(code: number, low: number, high: number): boolean {
  return code >= low && code <= high;
}
