// The journald / syslog prefix of a line, measured on bytes, so that the scanner can step over it:
// `Sep 27 14:44:14 host dockerd-rootless.sh[3117]: ` carries the program name on every line of
// `journalctl --user -u docker`, and a signature literal such as `dockerd-rootless` (or a host
// named `ci-errors`) would otherwise flag every line. normalize-line.ts removes the same prefixes
// with regexes; this grammar is the same or narrower (no escapes, no leading blanks), so the bytes
// skipped here are always bytes normalisation drops, and skipping them never loses a match.
//
//   syslog  Mmm ␠?D?D HH:MM:SS(.frac)? HOST IDENT([PID])?:␠?
//   ISO     YYYY-MM-DD(T|␠)HH:MM:SS([.,]frac)?(Z|±HH:?MM)?␠(HOST IDENT[PID]:␠?)?

/** hosts and idents are short; a longer run is not a prefix */
const MAX_FIELD = 256;

const SPACE = 0x20;
const COLON = 0x3a;

/** The byte length of the prefix at `start` (0 if none, or if the chunk ends inside it). */
export function measureLinePrefix(bytes: Uint8Array, start: number): number {
  const end = bytes.length;
  const syslog = afterSyslogClock(bytes, start, end);
  if (syslog > 0) {
    const ident = afterHostAndIdent(bytes, syslog, end, false);
    return ident > 0 ? ident - start : 0;
  }
  const iso = afterIsoTimestamp(bytes, start, end);
  if (iso === 0) return 0;
  const ident = afterHostAndIdent(bytes, iso, end, true);
  return (ident > 0 ? ident : iso) - start;
}

/** index after `Mmm ␠?D?D HH:MM:SS(.frac)? `, or 0 */
function afterSyslogClock(b: Uint8Array, i: number, end: number): number {
  if (i + 16 > end) return 0;
  if (!isUpper(b[i]!) || !isLower(b[i + 1]!) || !isLower(b[i + 2]!) || b[i + 3] !== SPACE) return 0;
  i += 4;
  if (b[i] === SPACE) i++;
  if (!isDigit(b[i]!)) return 0;
  i++;
  if (isDigit(b[i]!)) i++;
  if (b[i] !== SPACE) return 0;
  i = afterClock(b, i + 1, end);
  return i > 0 && b[i] === SPACE ? i + 1 : 0;
}

/** index after `YYYY-MM-DD(T|␠)HH:MM:SS([.,]frac)?(Z|±HH:?MM)? `, or 0 */
function afterIsoTimestamp(b: Uint8Array, i: number, end: number): number {
  if (i + 20 > end) return 0;
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(b[i + at]!)) return 0;
  if (b[i + 4] !== 0x2d || b[i + 7] !== 0x2d || (b[i + 10] !== 0x54 && b[i + 10] !== SPACE))
    return 0;
  i = afterClock(b, i + 11, end);
  if (i === 0) return 0;
  if (b[i] === 0x5a /* Z */) i++;
  else if (b[i] === 0x2b || b[i] === 0x2d) {
    if (!isDigit(b[i + 1]!) || !isDigit(b[i + 2]!)) return 0;
    i += 3;
    if (b[i] === COLON) i++;
    if (!isDigit(b[i]!) || !isDigit(b[i + 1]!)) return 0;
    i += 2;
  }
  return b[i] === SPACE ? i + 1 : 0;
}

/** index after `HH:MM:SS` and an optional fraction (`.123`, or `,123` when `comma`), or 0 */
function afterClock(b: Uint8Array, i: number, end: number): number {
  if (i + 8 > end || !digits(b, i, 2) || b[i + 2] !== COLON || !digits(b, i + 3, 2)) return 0;
  if (b[i + 5] !== COLON || !digits(b, i + 6, 2)) return 0;
  i += 8;
  if ((b[i] === 0x2e || b[i] === 0x2c) && isDigit(b[i + 1]!)) {
    i += 2;
    while (i < end && isDigit(b[i]!)) i++;
  }
  return i;
}

/** index after `HOST IDENT([PID])?:␠?` (the pid required when `needPid`), or 0 */
function afterHostAndIdent(b: Uint8Array, i: number, end: number, needPid: boolean): number {
  const hostLimit = Math.min(end, i + MAX_FIELD);
  let hostEnd = i;
  while (hostEnd < hostLimit && isHostByte(b[hostEnd]!)) hostEnd++;
  if (hostEnd === i || b[hostEnd] !== SPACE) return 0;
  const identStart = hostEnd + 1;
  const identLimit = Math.min(end, identStart + MAX_FIELD);
  let j = identStart;
  while (j < identLimit && isIdentByte(b[j]!)) j++;
  if (j === identStart) return 0;
  if (b[j] === 0x5b /* [ */) {
    const pidStart = j + 1;
    j = pidStart;
    while (j < identLimit && isDigit(b[j]!)) j++;
    if (j === pidStart || b[j] !== 0x5d /* ] */) return 0;
    j++;
  } else if (needPid) return 0;
  if (b[j] !== COLON) return 0;
  return b[j + 1] === SPACE ? j + 2 : j + 1;
}

function digits(b: Uint8Array, i: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (!isDigit(b[i + k]!)) return false;
  return true;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isUpper(byte: number): boolean {
  return byte >= 0x41 && byte <= 0x5a;
}

function isLower(byte: number): boolean {
  return byte >= 0x61 && byte <= 0x7a;
}

/** printable ASCII but space: narrower than \S, as host names and program names are */
function isHostByte(byte: number): boolean {
  return byte > SPACE && byte < 0x7f;
}

/** [^\s:[\]] */
function isIdentByte(byte: number): boolean {
  return isHostByte(byte) && byte !== COLON && byte !== 0x5b && byte !== 0x5d;
}
