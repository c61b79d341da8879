// Validation patterns for the capture names that many entries use. A captured value is filled into
// a fix command only when it matches its pattern in full; anything else keeps the `{{name}}`
// placeholder, so a hostile log line can never shape a command. Entries add their own names
// under `captures:` in the front matter.
export const COMMON_CAPTURE_PATTERNS: Readonly<Record<string, string>> = {
  user: '[a-z_][a-z0-9_.-]{0,31}\\$?',
  uid: '\\d{1,10}',
  gid: '\\d{1,10}',
  pid: '\\d{1,10}',
  port: '\\d{1,5}',
  // absolute, and no `..` segment: a log line must not turn `rm -rf {{path}}` into a deletion
  // outside the path it names (`/home/a/.local/share/docker/../../..`); each segment starts after
  // a `/` it cannot hold, so the pattern stays linear (both bounds: the structure rule of kb lint)
  path: '(?:/(?:\\.?[A-Za-z0-9_+@%-][A-Za-z0-9._+@%-]{0,254}|\\.)?){1,512}',
  file: '(?:/(?:\\.?[A-Za-z0-9_+@%-][A-Za-z0-9._+@%-]{0,254}|\\.)?){1,512}',
  unit: '[A-Za-z0-9@._-]{1,255}',
  module: '[a-z0-9_]{1,64}',
  binary: '[A-Za-z0-9._+-]{1,255}',
  key: '[a-z0-9_.]{1,128}',
  value: '[A-Za-z0-9._-]{1,64}',
  version: '[A-Za-z0-9._+~-]{1,64}',
  device: '[A-Za-z0-9_/.-]{1,255}',
  driver: '[a-z0-9_-]{1,64}',
  address: '[0-9A-Fa-f.:\\[\\]]{1,64}',
  protocol: '[a-z0-9]{1,16}',
  image: '[a-z0-9][a-z0-9._/:@-]{0,255}',
  controller: '[a-z_]{1,32}',
};
