// Every colour the TUI uses, in one place. Text roles come from the same table `show` uses
// (ROLE_STYLES), so an entry looks alike in both; the rest are the TUI's own. Without colour
// (NO_COLOR, --no-color) nothing here carries a colour: selection and state stay visible
// through markers (›, ✓, ✗, ?) and bold, never through colour alone.
import { ROLE_STYLES, type BasicColor, type TextRole } from '../report/styled-text.js';
import type { Severity } from '../kb/types.js';

export interface TextStyle {
  color?: BasicColor;
  bold?: boolean;
  italic?: boolean;
  dimColor?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export type UiRole =
  TextRole | 'selected' | 'key' | 'tab' | 'active-tab' | 'status' | `border-${Severity}`;

export interface Theme {
  color: boolean;
  style(role: UiRole): TextStyle;
  /** a Box border colour; undefined without colour */
  border(severity: Severity | 'guess'): BasicColor | undefined;
}

const UI_STYLES: Record<Exclude<UiRole, TextRole>, TextStyle> = {
  selected: { bold: true, color: 'cyan' },
  key: { bold: true },
  tab: { dimColor: true },
  'active-tab': { bold: true, color: 'cyan' },
  status: { dimColor: true },
  'border-error': { color: 'red' },
  'border-warning': { color: 'yellow' },
  'border-info': { color: 'blue' },
};

export function createTheme(color: boolean): Theme {
  const style = (role: UiRole): TextStyle => {
    const base: TextStyle =
      role in UI_STYLES
        ? UI_STYLES[role as keyof typeof UI_STYLES]
        : toTextStyle(ROLE_STYLES[role as TextRole]);
    return color ? base : { ...base, color: undefined };
  };
  return {
    color,
    style,
    border: (severity) =>
      color ? (severity === 'guess' ? 'yellow' : UI_STYLES[`border-${severity}`].color) : undefined,
  };
}

function toTextStyle(style: (typeof ROLE_STYLES)[TextRole]): TextStyle {
  const { dim, ...rest } = style;
  return dim ? { ...rest, dimColor: true } : rest;
}
