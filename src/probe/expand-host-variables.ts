// Probe paths and command arguments may name the user they are about (`~/.config/docker`,
// `/var/lib/systemd/linger/$USER`). The values come from the host only: its environment and its
// idea of the current user. Log text never reaches this function, so a hostile line cannot choose
// a path.
import type { Host } from './host.js';

export type Expansion = { ok: true; text: string } | { ok: false; reason: string };

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function lookUp(name: string, host: Host): string | undefined {
  switch (name) {
    case 'HOME':
    case 'XDG_RUNTIME_DIR':
      return host.env(name) || undefined;
    case 'USER':
      return host.user.name || undefined;
    case 'UID':
      return host.user.uid === undefined ? undefined : String(host.user.uid);
    default:
      return undefined;
  }
}

/** Replaces $HOME, $USER, $UID, $XDG_RUNTIME_DIR (also as ${NAME}); any other name is refused. */
export function expandHostVariables(text: string, host: Host): Expansion {
  let failure: string | undefined;
  const expanded = text.replace(
    VARIABLE,
    (whole, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const value = lookUp(name, host);
      if (value === undefined && failure === undefined) {
        failure = ['HOME', 'USER', 'UID', 'XDG_RUNTIME_DIR'].includes(name)
          ? `$${name} is not set`
          : `unsupported variable $${name}`;
      }
      return value ?? whole;
    },
  );
  return failure === undefined ? { ok: true, text: expanded } : { ok: false, reason: failure };
}

/** Like expandHostVariables, plus a leading `~/`; the result must be an absolute path. */
export function expandHostPath(path: string, host: Host): Expansion {
  const withHome = path === '~' || path.startsWith('~/') ? '$HOME' + path.slice(1) : path;
  const expansion = expandHostVariables(withHome, host);
  if (!expansion.ok) return expansion;
  if (!expansion.text.startsWith('/')) {
    return { ok: false, reason: `\`${path}\` is not an absolute path` };
  }
  return expansion;
}
