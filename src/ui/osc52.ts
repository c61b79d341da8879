// Copying to the clipboard through the terminal: OSC 52 asks the terminal (or tmux with
// `set-clipboard on`) to set the clipboard, so it also works over SSH. Only fix commands from the
// KB go through here, never pasted log text; control characters are removed all the same, since
// a newline in a copied command would run it on paste.

export function toOsc52(text: string): string {
  const clean = text.replaceAll(/[\x00-\x1f\x7f-\x9f]/g, '');
  return `\x1b]52;c;${Buffer.from(clean, 'utf8').toString('base64')}\x07`;
}
