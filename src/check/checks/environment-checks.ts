// Who and where we are: rootless Docker is for an ordinary user on a host (or a privileged
// container); as root, or inside a default container, the other checks describe the wrong thing.
import type { Check } from '../types.js';
import { pass, warn } from '../check-outcome.js';
import { observeFile } from '../../probe/kinds/file.js';
import { MAX_COMMAND_OUTPUT_BYTES } from '../../probe/types.js';
import { excerpt } from '../../probe/sanitize-evidence.js';

export const unprivilegedUserCheck: Check = {
  id: 'unprivileged-user',
  label: 'running as an ordinary user',
  entry: 'rootless-scripts-run-as-root',
  async run(context) {
    const { uid, name } = context.host.user;
    const who = name === undefined ? `uid ${uid}` : `uid ${uid} (${excerpt(name, 32)})`;
    if (uid === undefined) return warn('the current uid is not known');
    if (uid === 0)
      return warn(
        `${who}: rootless Docker is for a non-root user; run \`check\` as that user, or \`check --user NAME\``,
      );
    if (context.subject === 'other') {
      const caller =
        context.caller.uid === undefined ? 'another user' : `uid ${context.caller.uid}`;
      return pass(
        `${who}, checked from ${caller}: their PATH and environment cannot be known, so programs are looked up in the standard directories and ~/bin`,
      );
    }
    return pass(who);
  },
};

const CONTAINER_MARKERS = ['/.dockerenv', '/run/.containerenv'];

export const outsideContainerCheck: Check = {
  id: 'outside-container',
  label: 'not inside a container',
  entry: 'userns-blocked-inside-container',
  async run({ host, commandTimeoutMs }) {
    for (const path of CONTAINER_MARKERS) {
      const seen = await observeFile({ path }, host);
      if (seen.state === 'present')
        return warn(`${path} exists: inside a container, which must allow user namespaces`);
    }
    const outcome = await host.run(['systemd-detect-virt', '--container'], {
      timeoutMs: commandTimeoutMs,
      maxBytes: MAX_COMMAND_OUTPUT_BYTES,
    });
    const answer = outcome.status === 'completed' ? outcome.stdout.trim() : '';
    if (answer !== '' && answer !== 'none') {
      return warn(
        `systemd-detect-virt --container: ${excerpt(answer, 40)}: inside a container, which must allow user namespaces`,
      );
    }
    if (answer === 'none') return pass('systemd-detect-virt --container: none');
    return pass(`no ${CONTAINER_MARKERS.join(' or ')}`);
  },
};
