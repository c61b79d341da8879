// Short constructors so each check reads as its decision table.
import type { CheckOutcome } from './types.js';

export const pass = (evidence: string): CheckOutcome => ({ status: 'pass', evidence });

export const warn = (evidence: string, entry?: string): CheckOutcome =>
  entry === undefined ? { status: 'warn', evidence } : { status: 'warn', evidence, entry };

export const fail = (evidence: string, entry?: string): CheckOutcome =>
  entry === undefined ? { status: 'fail', evidence } : { status: 'fail', evidence, entry };
