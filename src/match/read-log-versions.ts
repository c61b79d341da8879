// Versions the log states itself: `Docker version 20.10.6, build …`, docker info's
// `Server Version: 28.0.1`, dockerd's start-up record `Docker daemon … version=28.0.1`,
// `rootlesskit version 2.3.4`, and the blocks of `docker version` (`Server: …` / ` Engine:` /
// ` rootlesskit:` headers followed by `  Version: …`). A regression is judged by the version that
// printed the failure, so these count as evidence even without probes.
import type { VersionedComponent } from '../kb/types.js';

/** Lines with none of these (ASCII case-folded) are never decoded for versions. */
export const VERSION_FACT_LITERALS: readonly string[] = [
  'version',
  'server:',
  'engine:',
  'client:',
  'rootlesskit:',
  'slirp4netns:',
  'containerd:',
  'runc:',
];

export interface LogVersion {
  component: VersionedComponent;
  version: string;
}

const NUMBER = String.raw`v?(\d{1,6}\.\d{1,6}(?:\.\d{1,6})?)`;

/** One-line statements, tried in order. */
const STATEMENTS: readonly [RegExp, VersionedComponent][] = [
  [new RegExp(String.raw`\bDocker version ${NUMBER}`), 'docker'],
  [new RegExp(String.raw`\bServer Version: ?${NUMBER}`), 'docker'],
  [new RegExp(String.raw`\bDocker daemon\b[^\n]{0,400}?\bversion=${NUMBER}`), 'docker'],
  [new RegExp(String.raw`\brootlesskit version ${NUMBER}`, 'i'), 'rootlesskit'],
  [new RegExp(String.raw`\bslirp4netns version ${NUMBER}`), 'slirp4netns'],
  [new RegExp(String.raw`\brunc version ${NUMBER}`), 'runc'],
];

/** `docker version` block headers: which component the next `Version:` line belongs to. */
const HEADER =
  /^\s{0,8}(Client|Server|Engine|rootlesskit|slirp4netns|containerd|runc|docker-init)\b[^:\n]{0,80}:/;
const BLOCK_VERSION = new RegExp(
  String.raw`^\s{0,12}Version:\s{0,40}${NUMBER}(?:[-+~][\w.+~-]{0,64})?\s*$`,
);
const COMPONENT_OF_HEADER: Record<string, VersionedComponent | undefined> = {
  Server: 'docker',
  Engine: 'docker',
  rootlesskit: 'rootlesskit',
  slirp4netns: 'slirp4netns',
  containerd: 'containerd',
  runc: 'runc',
};

/** Stateful across lines, for `docker version` blocks; feed it the lines with a fact word. */
export class LogVersionReader {
  private block: VersionedComponent | undefined;

  read(text: string): LogVersion | undefined {
    for (const [pattern, component] of STATEMENTS) {
      const match = pattern.exec(text);
      if (match) return { component, version: match[1]! };
    }
    const header = HEADER.exec(text);
    if (header) {
      this.block = COMPONENT_OF_HEADER[header[1]!];
      return undefined;
    }
    const version = BLOCK_VERSION.exec(text);
    if (version && this.block) return { component: this.block, version: version[1]! };
    return undefined;
  }
}
