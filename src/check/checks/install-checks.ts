// The programs rootless Docker is made of: RootlessKit, dockerd itself and the launcher script
// dockerd-rootless.sh, each on the user's PATH (the launcher runs the others by name), with the
// versions they report.
import type { FilledFix } from '../../diagnose/types.js';
import type { Check, CheckContext, CheckOutcome } from '../types.js';
import { fail, pass, warn } from '../check-outcome.js';
import type { ProgramName } from '../find-program.js';
import { describeProgram, findProgram, notFound } from '../find-program.js';

/** Debian's and Ubuntu's docker.io package ships the rootless scripts here, off PATH. */
const DEBIAN_CONTRIB = '/usr/share/docker.io/contrib';

async function installedCheck(
  context: CheckContext,
  name: ProgramName,
  missingFix?: FilledFix,
): Promise<CheckOutcome> {
  const program = await findProgram(context, name);
  if (program === undefined) return fail(notFound(context, name), undefined, missingFix);
  if (program.versionProblem !== undefined) {
    // under --host-root nothing is run: that says nothing about the program
    if (program.versionProblem.endsWith('commands are not run under --host-root'))
      return pass(
        `${program.name} at ${program.path} (version not known: not run under --host-root)`,
      );
    return warn(`${program.name} at ${program.path}, but ${program.versionProblem}`);
  }
  if (!program.onPath) {
    const dir = program.path.slice(0, program.path.lastIndexOf('/'));
    return warn(
      `${describeProgram(program)}: dockerd-rootless.sh started by hand finds it only with ${dir} on PATH (the setup tool's unit adds it)`,
    );
  }
  return pass(describeProgram(program));
}

export const rootlesskitCheck: Check = {
  id: 'rootlesskit',
  label: 'rootlesskit installed',
  entry: 'rootless-extras-missing',
  run: (context) => installedCheck(context, 'rootlesskit'),
};

const INSTALL_DOCKER_FIX: FilledFix = {
  text: 'Install Docker Engine first (docker-ce from Docker’s repository, or the distribution’s docker.io): rootless mode runs the same dockerd.',
  root: true,
};

export const dockerdCheck: Check = {
  id: 'dockerd',
  label: 'dockerd installed',
  entry: 'rootless-extras-missing',
  run: (context) => installedCheck(context, 'dockerd', INSTALL_DOCKER_FIX),
};

export const rootlessScriptCheck: Check = {
  id: 'dockerd-rootless-sh',
  label: 'dockerd-rootless.sh on PATH',
  entry: 'rootless-extras-missing',
  async run(context) {
    const program = await findProgram(context, 'dockerd-rootless.sh');
    if (program !== undefined) return pass(describeProgram(program));
    const missing = notFound(context, 'dockerd-rootless.sh');
    const contrib = `${DEBIAN_CONTRIB}/dockerd-rootless.sh`;
    const shipped = await context.host.stat(contrib);
    if (shipped.status !== 'ok' || shipped.info.kind !== 'file') return fail(missing);
    const setuptool = `${DEBIAN_CONTRIB}/dockerd-rootless-setuptool.sh`;
    const withTool = await context.host.stat(setuptool);
    const scripts = withTool.status === 'ok' ? `${contrib} ${setuptool}` : contrib;
    return fail(`${missing}; the docker.io package put it in ${DEBIAN_CONTRIB}`, undefined, {
      text: 'Debian’s docker.io ships the rootless scripts outside PATH: link them into /usr/local/bin.',
      command: `sudo ln -s ${scripts} /usr/local/bin/`,
      root: true,
    });
  },
};
