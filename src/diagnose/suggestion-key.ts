// Which unrecognised lines are the same guess: numbers and long hex ids differ between repeats of
// the same error (a PID, a container id, a port), and they do not make it a new one. The one
// definition for every front end, so the suggestion caps count the same lines everywhere.
const VARYING_PARTS = /\b[0-9a-f]{12,}\b|\d+/gi;

export function suggestionKey(text: string): string {
  return text.replace(VARYING_PARTS, '#');
}
