// Entry rules about signatures: each regex compiles, stays in the allowed subset, is not
// catastrophic, has a usable literal; every capture has a pattern; fixes only use captures that
// every signature defines.
import type { CompiledSignature, EntrySource } from './types.js';
import type { Report, ValidateOptions } from './validate-entry.js';
import { arrayOf, isPlainObject } from './check-shape.js';
import { captureNames, regexProblem } from './check-regex.js';
import { checkRegexSafety } from './check-regex-safety.js';
import { deriveLiteral, literalProblem } from './derive-literal.js';
import { toEre } from './to-ere.js';
import { COMMON_CAPTURE_PATTERNS } from './capture-patterns.js';
import { isHostValue } from './host-values.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function compileSignatures(source: Partial<EntrySource>, options: ValidateOptions, report: Report) {
  const regexes: (RegExp | undefined)[] = [];
  const compiled: CompiledSignature[] = [];
  for (const [index, item] of arrayOf(source.signatures).entries()) {
    const signature = isPlainObject(item) ? item : {};
    const regex = signature.regex;
    if (typeof regex !== 'string') {
      regexes.push(undefined);
      continue;
    }
    const problem = regexProblem(regex);
    if (problem) {
      report('regex-invalid', ['signatures', index, 'regex'], problem);
      regexes.push(undefined);
      continue;
    }
    if (options.checkSafety) {
      const safety = (options.safety ?? checkRegexSafety)(regex);
      if (!safety.safe) report('regex-unsafe', ['signatures', index, 'regex'], safety.reason);
    }
    const derived = deriveLiteral(regex);
    const given = typeof signature.literal === 'string' ? signature.literal : undefined;
    const literal = given ?? derived.literal;
    if (given !== undefined) {
      const why = literalProblem(given);
      if (why) report('literal-invalid', ['signatures', index, 'literal'], `Unexpected literal \`${given}\`: ${why}`);
    } else if (literal === undefined) {
      report(
        'literal-invalid',
        ['signatures', index, 'regex'],
        `Unexpected regex without a required plain run of 3 or more characters (\`${regex}\`), expected a \`literal:\` every match contains, or one signature per alternative`,
      );
    }
    regexes.push(new RegExp(regex));
    compiled.push({
      regex,
      literal: literal ?? '',
      ere: toEre(regex),
      specificity: derived.specificity,
      ...(signature.weak === true ? { weak: true } : {}),
    });
  }
  return { regexes, compiled };
}

export function capturePatterns(source: Partial<EntrySource>, regexes: (RegExp | undefined)[], report: Report) {
  const own = isPlainObject(source.captures) ? (source.captures as Record<string, unknown>) : {};
  const patterns: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(own)) {
    if (typeof pattern !== 'string') continue;
    const problem = regexProblem(pattern);
    if (problem) report('regex-invalid', ['captures', name], problem);
  }
  for (const [index, regex] of regexes.entries()) {
    if (!regex) continue;
    for (const name of captureNames(regex.source)) {
      const pattern = typeof own[name] === 'string' ? (own[name] as string) : COMMON_CAPTURE_PATTERNS[name];
      if (pattern === undefined) {
        report(
          'capture-pattern-missing',
          ['signatures', index, 'regex'],
          `Unexpected capture \`${name}\` without a pattern, expected an entry under \`captures:\` (common names: ${Object.keys(COMMON_CAPTURE_PATTERNS).join(', ')})`,
        );
      } else {
        patterns[name] = pattern;
      }
    }
  }
  return patterns;
}

export function checkFixes(source: Partial<EntrySource>, regexes: (RegExp | undefined)[], report: Report) {
  const defined = regexes.filter((r): r is RegExp => r !== undefined).map((r) => new Set(captureNames(r.source)));
  for (const [index, fix] of arrayOf(source.fixes).entries()) {
    const command = isPlainObject(fix) && typeof fix.command === 'string' ? fix.command : '';
    for (const placeholder of command.matchAll(PLACEHOLDER)) {
      if (insideQuotes(command.slice(0, placeholder.index))) {
        report(
          'placeholder-quoted',
          ['fixes', index, 'command'],
          `Unexpected placeholder \`${placeholder[0]}\` inside quotes, expected it outside any quotes (the filled value is single-quoted already)`,
        );
      }
    }
    for (const [, name] of command.matchAll(PLACEHOLDER)) {
      if (!name || isHostValue(name) || defined.every((names) => names.has(name))) continue;
      report(
        'capture-undefined',
        ['fixes', index, 'command'],
        `Unexpected placeholder \`{{${name}}}\`, expected a capture that every signature defines as \`(?<${name}>…)\``,
      );
    }
  }
}

/** Whether the end of `before` lies inside a '…' or "…" string of a POSIX shell command. */
function insideQuotes(before: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote === undefined && c === '\\') i++;
    else if (quote === undefined && (c === "'" || c === '"')) quote = c;
    else if (quote === '"' && c === '\\') i++;
    else if (c === quote) quote = undefined;
  }
  return quote !== undefined;
}

/** The condition keys that compare a host value with a capture of the finding. */
const CAPTURE_CONDITIONS = ['equals-capture', 'differs-from-capture', 'above-capture'] as const;

/** A probe that compares with a capture needs some signature to define that capture. */
export function checkCaptureConditions(
  source: Partial<EntrySource>,
  regexes: (RegExp | undefined)[],
  report: Report,
) {
  const defined = new Set(
    regexes.filter((r): r is RegExp => r !== undefined).flatMap((r) => captureNames(r.source)),
  );
  for (const [index, probe] of arrayOf(source.probes).entries()) {
    if (!isPlainObject(probe) || !isPlainObject(probe.confirms)) continue;
    for (const key of CAPTURE_CONDITIONS) {
      const name = (probe.confirms as Record<string, unknown>)[key];
      if (typeof name !== 'string' || defined.has(name)) continue;
      report(
        'capture-undefined',
        ['probes', index, 'confirms', key],
        `Unexpected capture \`${name}\` in \`${key}\`, expected a capture some signature defines as \`(?<${name}>…)\``,
      );
    }
  }
}
