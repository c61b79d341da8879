import { describe, expect, it } from 'vitest';
import { createTheme } from '../../src/ui/theme.js';

describe('createTheme', () => {
  it('gives roles their colours when colour is on', () => {
    const theme = createTheme(true);
    expect(theme.style('error')).toEqual({ bold: true, color: 'red' });
    expect(theme.style('selected')).toEqual({ bold: true, color: 'cyan' });
    expect(theme.style('dim')).toEqual({ dimColor: true });
    expect(theme.border('warning')).toBe('yellow');
    expect(theme.border('guess')).toBe('yellow');
  });

  it('carries no colour at all without it (NO_COLOR, --no-color), only emphasis', () => {
    const theme = createTheme(false);
    const roles = [
      'error',
      'warning',
      'selected',
      'evidence',
      'verdict-confirmed',
      'link',
    ] as const;
    for (const role of roles) expect(theme.style(role).color).toBeUndefined();
    expect(theme.style('error')).toEqual({ bold: true, color: undefined });
    expect(theme.border('error')).toBeUndefined();
  });
});
