// Turns one physical line of real output (journald, syslog, `set -x` traces, logrus, the docker CLI,
// colours) into the plain error text that KB signatures are written against (kb/README.md).
// Runs only on lines the prefilter flagged, so clarity wins over speed here.
import { stripEscapes } from './strip-escapes.js';

/** `Sep 27 14:44:14 host dockerd-rootless.sh[3117]: ` (syslog and `journalctl -o short[-precise]`) */
const SYSLOG_PREFIX =
  /^[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:[.,]\d+)? \S+ [^\s:[\]]+(?:\[\d+\])?: ?/;

/** `2024-09-27T14:44:14+0200 ` or `2024-09-27 14:44:14.123Z ` (journalctl -o short-iso, CI logs) */
const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? /;

/** `time="2024-09-27T14:44:14Z" level=…` (logrus text format, as dockerd and containerd write) */
const LOGRUS_RECORD = /^time="\d{4}-\d\d-\d\dT/;

/** After an ISO timestamp, journald's `host ident[pid]: `; the pid is required to avoid eating words. */
const HOST_AND_IDENT = /^\S+ [^\s:[\]]+\[\d+\]: ?/;

/** `[ 1234.567890] ` (dmesg, journalctl -o short-monotonic) */
const MONOTONIC_PREFIX = /^\[\s*\d+\.\d+\] (?:\S+ [^\s:[\]]+(?:\[\d+\])?: )?/;

/** `+ `, `++ ` (bash `set -x`, as dockerd-rootless.sh runs) */
const TRACE_PREFIX = /^\++ /;

/** `docker: Error response from daemon: `, `Error response from daemon: `, `docker: ` */
const DOCKER_CLI_PREFIX = /^(?:docker: )?(?:Error response from daemon: )?/;

/** logrus / containerd key="value" fields whose values are the message text */
const QUOTED_FIELD = /\b(msg|error|err)="/g;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A journald / syslog / ISO-timestamped / logrus record starts here: such a line is the first line of a log
 * record, never the continuation of a terminal-wrapped one.
 */
export function hasLogPrefix(raw: string): boolean {
  return SYSLOG_PREFIX.test(raw) || ISO_TIMESTAMP.test(raw) || LOGRUS_RECORD.test(raw);
}

export function normalizeLine(raw: string): string {
  let text = stripEscapes(raw).trim();
  text = dropPrefixes(text);
  if (text.includes('="')) text = unquoteFields(text);
  return text.trim();
}

function dropPrefixes(text: string): string {
  // Prefixes stack (`Sep 27 … dockerd-rootless.sh[31]: + rootlesskit …`), in this order.
  let rest = text.replace(SYSLOG_PREFIX, '');
  if (rest === text) {
    const afterTimestamp = rest.replace(ISO_TIMESTAMP, '');
    rest = afterTimestamp === rest ? rest : afterTimestamp.replace(HOST_AND_IDENT, '');
  }
  rest = rest.replace(MONOTONIC_PREFIX, '').trimStart();
  rest = rest.replace(TRACE_PREFIX, '');
  return rest.replace(DOCKER_CLI_PREFIX, '');
}

/**
 * `msg="[rootlesskit:parent] \"x\" failed"` becomes `msg=[rootlesskit:parent] "x" failed`. Go's
 * quoting escapes `\"` and `\\`; `\n`, `\t` and `\r` become a space so that a multi-line error
 * stays one matchable line; other escapes are kept as written. An unterminated value (a cut line)
 * runs to the end.
 */
function unquoteFields(text: string): string {
  let out = '';
  let from = 0;
  QUOTED_FIELD.lastIndex = 0;
  for (let match = QUOTED_FIELD.exec(text); match; match = QUOTED_FIELD.exec(text)) {
    const valueStart = match.index + match[0].length;
    out += text.slice(from, valueStart - 1);
    const { value, end } = readQuoted(text, valueStart);
    out += value;
    from = end;
    QUOTED_FIELD.lastIndex = end;
  }
  return out + text.slice(from);
}

function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let from = start;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) return { value: value + text.slice(from, i), end: i + 1 };
    if (code === BACKSLASH && i + 1 < text.length) {
      value += text.slice(from, i) + unescapeCharacter(text[i + 1]!);
      i++;
      from = i + 1;
    }
  }
  return { value: value + text.slice(from), end: text.length };
}

function unescapeCharacter(next: string): string {
  if (next === '"' || next === '\\') return next;
  if (next === 'n' || next === 't' || next === 'r') return ' ';
  return `\\${next}`;
}
