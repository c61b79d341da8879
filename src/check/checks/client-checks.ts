// Which daemon the docker client reaches: a rootful socket you can write to makes the setup tool
// refuse to install and lets a client without DOCKER_HOST talk to the wrong daemon; DOCKER_HOST
// must name the rootless socket of *this* uid, and it must exist.
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../../probe/types.js';
import { excerpt } from '../../probe/sanitize-evidence.js';

const ROOTFUL_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

export const rootfulSocketCheck: Check = {
  id: 'rootful-socket',
  label: 'rootful socket out of reach',
  entry: 'rootful-daemon-blocks-install',
  requires: ['non-root'],
  async run({ host, subject }) {
    const path = ROOTFUL_SOCKETS[0] ?? '';
    const you = subject === 'self' ? 'you' : (host.user.name ?? 'them');
    const stat = await host.stat(path);
    if (stat.status === 'absent') return pass(`${path} does not exist`);
    if (stat.status === 'error') return warn(`${path}: ${stat.reason}`);
    const writable = await host.isWritable(path);
    if (writable === true)
      return warn(`${path} exists and is writable by ${you}: a rootful daemon is in reach`);
    if (writable === false) return pass(`${path} exists (rootful daemon), not writable by ${you}`);
    return warn(`${path} exists (writability not checked)`);
  },
};

async function describeUnsetDockerHost({
  host,
  commandTimeoutMs,
}: CheckContext): Promise<CheckOutcome> {
  const outcome = await host.run(['docker', 'context', 'show'], {
    timeoutMs: commandTimeoutMs,
    maxBytes: MAX_COMMAND_OUTPUT_BYTES,
  });
  const context =
    outcome.status === 'completed' && outcome.exitCode === 0 ? outcome.stdout.trim() : '';
  if (context === '')
    return warn(
      'DOCKER_HOST is not set and the docker context could not be read',
      'client-pointed-at-rootful-socket',
    );
  if (context === 'default') {
    return warn(
      'DOCKER_HOST is not set and docker context is `default`: the client uses /var/run/docker.sock',
      'client-pointed-at-rootful-socket',
    );
  }
  return pass(`DOCKER_HOST is not set; docker context \`${excerpt(context, 40)}\``);
}

export const dockerHostCheck: Check = {
  id: 'docker-host',
  label: 'DOCKER_HOST target',
  entry: 'docker-host-uid-mismatch',
  requires: ['non-root', 'own-environment'],
  async run(context) {
    const { host } = context;
    const value = host.env('DOCKER_HOST');
    if (value === undefined || value === '') return describeUnsetDockerHost(context);
    const shown = `DOCKER_HOST=${excerpt(value, 100)}`;
    if (!value.startsWith('unix://')) return pass(`${shown} (not a local socket, not checked)`);
    const path = value.slice('unix://'.length);
    // `unix://$XDG_RUNTIME_DIR/docker.sock` expanded while XDG_RUNTIME_DIR was empty.
    if (path === '/docker.sock')
      return fail(
        `${shown}: XDG_RUNTIME_DIR was empty when it was set`,
        'docker-host-empty-runtime-dir',
      );
    if (ROOTFUL_SOCKETS.includes(path))
      return fail(`${shown} is the rootful socket`, 'client-pointed-at-rootful-socket');
    const pathUid = /^\/run\/user\/(\d+)\//.exec(path)?.[1];
    const uid = host.user.uid;
    if (pathUid !== undefined && uid !== undefined && Number(pathUid) !== uid)
      return fail(`${shown}, but your uid is ${uid}`);
    const stat = await host.stat(path);
    if (stat.status === 'absent')
      return fail(`${shown}: no socket there (daemon not running?)`, 'rootless-daemon-not-running');
    if (stat.status === 'error') return warn(`${shown}: ${stat.reason}`);
    if (stat.info.kind !== 'socket')
      return fail(`${shown} is not a socket`, 'rootless-daemon-not-running');
    return pass(`${shown} (socket exists)`);
  },
};
