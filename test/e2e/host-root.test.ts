// Pipe mode with --host-root: the same error line, diagnosed against copies of different hosts,
// ranks a different cause first. This is what the probes are for: lines that several causes print
// are told apart by the host, never by guessing from the text.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ALICE = { USER: 'alice', HOME: '/home/alice', XDG_RUNTIME_DIR: '/run/user/1000' };

interface Ranked {
  id: string;
  verdict: string;
}

async function diagnose(hostCase: string, line: string, env: Record<string, string> = {}) {
  const { code, stdout } = await runCli(
    ['--json', '--host-root', `test/fixtures/hosts/${hostCase}`],
    {
      input: `${line}\n`,
      env: { ...ALICE, ...env },
    },
  );
  const records = stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as {
          type: string;
          id?: string;
          probes?: { evidence: string }[];
          diagnoses?: { id: string; verdict: string }[];
        },
    );
  const summary = records.find((r) => r.type === 'summary');
  const ranked: Ranked[] = (summary?.diagnoses ?? []).map(({ id, verdict }) => ({ id, verdict }));
  return { code, ranked, records };
}

const NOT_PERMITTED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted';
const DENIED =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: permission denied';
const NO_SPACE =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device';
const UID_MAP =
  '[rootlesskit:parent] error: failed to setup UID/GID map: newuidmap 25 [0 1000 1 1 100000 65536] failed: newuidmap: write to uid_map failed: Operation not permitted';
const ROOTLESS_SOCKET = (uid: number) =>
  `Cannot connect to the Docker daemon at unix:///run/user/${uid}/docker.sock. Is the docker daemon running?`;
const ROOTFUL_SOCKET =
  'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.45/info": dial unix /var/run/docker.sock: connect: permission denied';

describe('fork/exec /proc/self/exe: operation not permitted', () => {
  it.each([
    ['debian-userns-clone-0', 'userns-clone-disabled'],
    ['ubuntu-2404-apparmor', 'apparmor-userns-restriction'],
    ['container', 'userns-blocked-inside-container'],
  ])('on %s ranks %s first, confirmed, and rules the other two out', async (hostCase, first) => {
    const { code, ranked } = await diagnose(hostCase, NOT_PERMITTED);
    expect(ranked[0]).toEqual({ id: first, verdict: 'confirmed' });
    expect(ranked.slice(1).map((r) => r.verdict)).toEqual(['ruled-out', 'ruled-out']);
    expect(ranked.map((r) => r.id).sort()).toEqual([
      'apparmor-userns-restriction',
      'userns-blocked-inside-container',
      'userns-clone-disabled',
    ]);
    expect(code).toBe(1);
  });
});

describe('fork/exec /proc/self/exe: permission denied', () => {
  it.each([
    [
      'ubuntu-2404-apparmor',
      [
        { id: 'apparmor-userns-restriction', verdict: 'confirmed' },
        { id: 'userns-blocked-inside-container', verdict: 'ruled-out' },
      ],
    ],
    [
      'container',
      [
        { id: 'userns-blocked-inside-container', verdict: 'confirmed' },
        { id: 'apparmor-userns-restriction', verdict: 'ruled-out' },
      ],
    ],
  ])('on %s', async (hostCase, expected) => {
    expect((await diagnose(hostCase, DENIED)).ranked).toEqual(expected);
  });
});

describe('fork/exec /proc/self/exe: no space left on device', () => {
  it('is the user-namespace limit where it is 0', async () => {
    const { code, ranked } = await diagnose('userns-limit-0', NO_SPACE);
    expect(ranked).toEqual([{ id: 'max-user-namespaces-too-low', verdict: 'confirmed' }]);
    expect(code).toBe(1);
  });

  it('is ruled out where namespaces are plentiful (the disk is full), and nothing is left to report', async () => {
    const { code, ranked, records } = await diagnose('full-disk', NO_SPACE);
    expect(ranked).toEqual([{ id: 'max-user-namespaces-too-low', verdict: 'ruled-out' }]);
    expect(records.find((r) => r.type === 'diagnosis')?.probes?.map((p) => p.evidence)).toEqual([
      '/proc/sys/user/max_user_namespaces = 28633',
    ]);
    expect(code).toBe(0);
  });
});

describe('newuidmap: write to uid_map failed: Operation not permitted', () => {
  it('ranks the nested user namespace first where uid_map maps only part of the id space', async () => {
    expect((await diagnose('nested-userns', UID_MAP)).ranked).toEqual([
      { id: 'nested-userns-subuid-not-mapped', verdict: 'confirmed' },
      { id: 'newuidmap-not-privileged', verdict: 'unknown' },
      // the same line for a user without ranges: alice has both, so not this
      { id: 'subuid-range-missing', verdict: 'ruled-out' },
    ]);
  });

  it('leaves the helper open on a copy (neither setuid bits nor capabilities survive it) and rules the nested case out on an identity map', async () => {
    // an identity uid_map (0 0 4294967295) rules the nested user namespace out
    const { ranked, records } = await diagnose('newuidmap-not-setuid', UID_MAP);
    expect(ranked).toEqual([
      { id: 'newuidmap-not-privileged', verdict: 'unknown' },
      { id: 'nested-userns-subuid-not-mapped', verdict: 'ruled-out' },
      { id: 'subuid-range-missing', verdict: 'ruled-out' },
    ]);
    const helper = records.find((r) => r.id === 'newuidmap-not-privileged');
    expect(helper?.probes?.map((p) => p.evidence)).toEqual([
      'newuidmap at /usr/bin/newuidmap: no setuid bit; file capabilities unknown (getcap: commands are not run under --host-root)',
      'newgidmap at /usr/bin/newgidmap: no setuid bit; file capabilities unknown (getcap: commands are not run under --host-root)',
    ]);
  });
});

describe('Cannot connect to the Docker daemon at unix:///run/user/<uid>/docker.sock', () => {
  it('is linger where systemd runs, the daemon is installed and linger is off (and the socket is gone)', async () => {
    expect((await diagnose('linger-off', ROOTLESS_SOCKET(1000))).ranked).toEqual([
      { id: 'linger-disabled', verdict: 'confirmed' },
      { id: 'rootless-daemon-not-running', verdict: 'confirmed' },
      { id: 'docker-host-uid-mismatch', verdict: 'ruled-out' },
      { id: 'uninstall-leftovers', verdict: 'ruled-out' },
    ]);
  });

  it('is a DOCKER_HOST hard-coded for another uid where the own daemon is up', async () => {
    const { ranked } = await diagnose('docker-host-uid-mismatch', ROOTLESS_SOCKET(1018), {
      DOCKER_HOST: 'unix:///run/user/1018/docker.sock',
    });
    // the socket's uid (1018) is not alice's (1000): the other causes of the line are ruled out
    expect(ranked).toEqual([
      { id: 'docker-host-uid-mismatch', verdict: 'confirmed' },
      { id: 'linger-disabled', verdict: 'ruled-out' },
      { id: 'rootless-daemon-not-running', verdict: 'ruled-out' },
      { id: 'uninstall-leftovers', verdict: 'ruled-out' },
    ]);
  });
});

describe('permission denied on unix:///var/run/docker.sock', () => {
  it('confirms the client is misdirected where the rootless socket exists', async () => {
    expect((await diagnose('docker-host-uid-mismatch', ROOTFUL_SOCKET)).ranked).toEqual([
      { id: 'client-pointed-at-rootful-socket', verdict: 'confirmed' },
    ]);
  });

  it('is only a guess where nothing confirms it: rootful users see this line too', async () => {
    const { ranked, records } = await diagnose('linger-off', ROOTFUL_SOCKET);
    expect(ranked).toEqual([]);
    expect(records.at(-1)).toMatchObject({ guess: { id: 'client-pointed-at-rootful-socket' } });
  });
});

describe('--host-root must be a copy of a root', () => {
  it.each([
    ['/nonexistent', 'rootless-doctor: --host-root /nonexistent: no such directory\n'],
    [
      'test/fixtures/logs',
      'rootless-doctor: --host-root test/fixtures/logs: not a copy of a root file system (it has no etc/ or proc/)\n',
    ],
  ])('%s is refused with one line and exit 2, before anything is read', async (dir, message) => {
    const { code, stdout, stderr } = await runCli(['--host-root', dir], {
      input: `${NOT_PERMITTED}\n`,
    });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

describe('a new subordinate range is computed from the host, never one another user has', () => {
  it('on a host whose /etc/subuid gives 100000-165535 to bob, alice is offered the next free block', async () => {
    const line =
      '[rootlesskit:parent] error: failed to setup UID/GID map: failed to compute uid/gid map: No subuid ranges found for user 1000 ("alice")';
    const { records } = await diagnose('subuid-missing', line);
    const diagnosis = records.find(
      (r) => r.type === 'diagnosis' && r.id === 'subuid-range-missing',
    ) as { fixes: { command?: string }[] } | undefined;
    expect(diagnosis?.fixes[0]?.command).toBe(
      `sudo usermod --add-subuids '165536-231071' --add-subgids '165536-231071' "$(whoami)"`,
    );
  });
});
