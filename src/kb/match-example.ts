// The first signature that matches a line, with its named captures (unset groups left out).
// Used by the linter to test examples; pipe mode has its own prefiltered path in src/match/.

export interface ExampleHit {
  signature: number;
  captures: Record<string, string>;
}

export function matchExample(regexes: readonly RegExp[], line: string): ExampleHit | undefined {
  for (const [signature, regex] of regexes.entries()) {
    const match = regex.exec(line);
    if (!match) continue;
    const captures: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) captures[name] = value;
    }
    return { signature, captures };
  }
  return undefined;
}
