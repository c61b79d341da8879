// One sentence for every surface (pipe text, show, the TUI) above a command that can lose data.
export const DESTRUCTIVE_WARNING =
  'warning: this deletes data; read it and keep a copy before you run it';
