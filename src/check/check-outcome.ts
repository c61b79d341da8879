// Short constructors so each check reads as its decision table.
import type { FilledFix } from '../diagnose/types.js';
import type { CheckOutcome } from './types.js';

export const pass = (evidence: string): CheckOutcome => ({ status: 'pass', evidence });

export const skip = (evidence: string): CheckOutcome => ({ status: 'skip', evidence });

export const warn = (evidence: string, entry?: string): CheckOutcome =>
  entry === undefined ? { status: 'warn', evidence } : { status: 'warn', evidence, entry };

export const fail = (evidence: string, entry?: string, fix?: FilledFix): CheckOutcome => {
  const outcome: CheckOutcome = { status: 'fail', evidence };
  if (entry !== undefined) outcome.entry = entry;
  if (fix !== undefined) outcome.fix = fix;
  return outcome;
};
