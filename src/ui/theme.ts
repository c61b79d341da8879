// The TUI's colours, derived from the one table of roles → colours (ROLE_STYLES in
// report/styled-text.ts) that pipe text, `check` and `show` use too, so a role looks the same on
// every surface. Without colour (NO_COLOR, --no-color) nothing here carries a colour: selection and
// state stay visible through marks (›, ✗, ?, –; report/marks.ts) and bold, never through colour
// alone.
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

export type UiRole = TextRole;

export interface Theme {
  color: boolean;
  style(role: UiRole): TextStyle;
  /** a Box border colour: the severity's (a guess's for an unrecognised line); none without colour */
  border(severity: Severity | 'guess'): BasicColor | undefined;
}

export function createTheme(color: boolean): Theme {
  return {
    color,
    style: (role) => {
      const base = toTextStyle(ROLE_STYLES[role]);
      return color ? base : { ...base, color: undefined };
    },
    border: (severity) => (color ? ROLE_STYLES[severity].color : undefined),
  };
}

function toTextStyle(style: (typeof ROLE_STYLES)[TextRole]): TextStyle {
  const { dim, ...rest } = style;
  return dim ? { ...rest, dimColor: true } : rest;
}
