// Which unmatched lines deserve a suggestion. The trigger literals go into the prefilter's
// automaton next to the signature literals, so only lines containing one of them are decoded and
// tested with the (precompiled) regex; every other line still costs one scan.

/** ASCII case-folded substrings; each word the regex below accepts contains one of them */
export const ERROR_TRIGGER_LITERALS: readonly string[] = [
  'erro',
  'fail',
  'fata',
  'denied',
  'cannot',
  "can't",
  'not permitted',
  'panic',
  'unable to',
  'refused',
];

const ERROR_LOOKING =
  /\b(?:errors?|failed|failure|fatal|denied|cannot|can't|not permitted|panic|unable to|refused)\b|\b(?:ERRO|FATA|PANI)\[|\blevel=(?:error|fatal|panic)\b/i;

/**
 * Lines a program itself marked as routine: logrus/containerd info, debug and trace records
 * (containerd logs `skip loading plugin ... error="..."` at info level on every start), and the
 * docker CLI's note before an ordinary pull.
 */
const ROUTINE =
  /\blevel=(?:info|debug|trace)\b|\b(?:INFO|DEBU|TRAC)\[\d|^Unable to find image '[^']+' locally$/;

export function looksLikeError(text: string): boolean {
  return ERROR_LOOKING.test(text) && !ROUTINE.test(text);
}
