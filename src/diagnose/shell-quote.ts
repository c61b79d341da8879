// POSIX single quoting: inside '…' nothing is special but the quote itself, written as '\''.
// Every value taken from a log goes into a shown command through this, so `$(touch /tmp/x)` or a
// backtick stays text when the user copies the command.
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
