// A realistic, deterministic rootless dockerd journal for the benchmark: journald prefixes, the
// launcher's `set -x` trace, logrus lines from dockerd and containerd (some coloured), and every
// few thousand lines a real error line taken from the KB's own match examples.
import type { RuleSet } from '../src/kb/types.js';

/** mulberry32: small, fast, and the same sequence on every machine */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const DOCKERD_INFO = [
  'Loading containers: start.',
  'Loading containers: done.',
  'API listen on /run/user/1000/docker.sock',
  'Daemon has completed initialization',
  "Processing signal 'terminated'",
  'Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address',
  'Docker daemon commit=8e96db1 containerd-snapshotter=false graphdriver=overlay2 version=27.3.1',
  'ignoring event module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"',
  'shim disconnected id=ID namespace=moby',
  'cleaning up dead shim namespace=moby',
  'starting signal loop namespace=moby path=/run/user/1000/docker/containerd/daemon/io.containerd.runtime.v2.task/moby/ID pid=PID runtime=io.containerd.runc.v2',
  'loading plugin "io.containerd.snapshotter.v1.overlayfs"... type=io.containerd.snapshotter.v1',
  'skip loading plugin "io.containerd.snapshotter.v1.zfs"... type=io.containerd.snapshotter.v1',
  'Attempting next endpoint for pull after error: manifest unknown',
  'Pulling image alpine:3.20 from registry-1.docker.io',
];

const TRACE = [
  '+ [ -w /run/user/1000 ]',
  '+ [ -d /home/dev ]',
  '+ rootlesskit=docker-rootlesskit',
  '+ : builtin',
  '+ net=slirp4netns',
  '+ mtu=65520',
  '+ [ -z  ]',
  '+ export _DOCKERD_ROOTLESS_CHILD=1',
  '+ exec rootlesskit --state-dir=/run/user/1000/dockerd-rootless --net=slirp4netns --mtu=65520 --slirp4netns-sandbox=auto --slirp4netns-seccomp=auto --disable-host-loopback --port-driver=builtin --copy-up=/etc --copy-up=/run --propagation=rslave /usr/bin/dockerd-rootless.sh',
  '+ exec dockerd',
];

export interface BenchLog {
  text: string;
  lines: number;
  errorLines: number;
}

/** `lines` lines of journal, with one KB example line about every `errorEvery` lines. */
export function generateBenchLog(ruleSet: RuleSet, lines: number, errorEvery = 3000): BenchLog {
  const random = createRandom(20240927);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const hex = (length: number): string =>
    Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const examples = ruleSet.entries.flatMap((entry) =>
    entry.examples.match.map((example) => example.text),
  );
  const parts: string[] = [];
  let seconds = 0;
  let errorLines = 0;
  for (let n = 0; n < lines; n++) {
    seconds += random() < 0.2 ? 1 : 0;
    const time = new Date(Date.UTC(2024, 8, 27, 14, 0, 0) + seconds * 1000);
    const clock = time.toISOString().slice(11, 19);
    const prefix = `${MONTHS[time.getUTCMonth()]} ${time.getUTCDate()} ${clock} devbox dockerd-rootless.sh[3117]: `;
    const iso = `${time.toISOString().slice(0, 19)}.${hex(9).replace(/[a-f]/g, '7')}+02:00`;
    let body: string;
    if (examples.length > 0 && n % errorEvery === errorEvery - 1) {
      body = examples[errorLines++ % examples.length]!;
    } else {
      const roll = random();
      const message = pick(DOCKERD_INFO)
        .replace('ID', hex(64))
        .replace('PID', String(1000 + (n % 9000)));
      if (roll < 0.55) body = `time="${iso}" level=info msg="${message.replaceAll('"', '\\"')}"`;
      else if (roll < 0.75)
        body = `time="${iso}" level=debug msg="${message.replaceAll('"', '\\"')}"`;
      else if (roll < 0.9) body = pick(TRACE);
      else body = `\u001b[36mINFO\u001b[0m[${String(seconds).padStart(4, '0')}] ${message}`;
    }
    parts.push(prefix + body);
  }
  return { text: `${parts.join('\n')}\n`, lines, errorLines };
}
