import { describe, expect, test } from 'vitest';
import { rankDiagnoses, type Rankable } from '../../src/diagnose/rank.js';

const item = (name: string, overrides: Partial<Rankable>): Rankable & { name: string } => ({
  name,
  verdict: 'unknown',
  role: 'cause',
  specificity: 20,
  severity: 'error',
  line: 10,
  ...overrides,
});

describe('rankDiagnoses', () => {
  test('verdict first: confirmed, unknown, ruled-out (which sinks but stays)', () => {
    const ranked = rankDiagnoses([
      item('ruled-out', { verdict: 'ruled-out', specificity: 99 }),
      item('unknown', {}),
      item('confirmed', { verdict: 'confirmed', line: 500 }),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(['confirmed', 'unknown', 'ruled-out']);
  });

  test('then a cause before a consequence, then specificity, severity and first line', () => {
    const ranked = rankDiagnoses([
      item('consequence', { role: 'consequence', specificity: 80 }),
      item('late', { line: 30 }),
      item('warning', { severity: 'warning' }),
      item('specific', { specificity: 40 }),
      item('info', { severity: 'info' }),
      item('early', { line: 2 }),
    ]);
    expect(ranked.map((r) => r.name)).toEqual([
      'specific',
      'early',
      'late',
      'warning',
      'info',
      'consequence',
    ]);
  });
});
