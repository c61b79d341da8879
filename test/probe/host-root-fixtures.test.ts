// The KB's probes against the fixture hosts under test/fixtures/hosts, through the real node host
// with --host-root: for each error line several causes share, the host files alone confirm one
// cause and rule out (or leave unknown) the others.
import { describe, expect, it } from 'vitest';
import type { CompiledEntry } from '../../src/kb/types.js';
import { compileKb } from '../../src/kb/compile-kb.js';
import { readKbDir } from '../../src/kb/read-kb-dir.js';
import { createNodeHost } from '../../src/probe/node-host.js';
import { probeEntry } from '../../src/probe/probe-entry.js';
import { PROBE_KINDS } from '../../src/probe/probe-kinds.js';
import { normalizeLine } from '../../src/match/normalize-line.js';

const ENV = {
  USER: 'alice',
  HOME: '/home/alice',
  XDG_RUNTIME_DIR: '/run/user/1000',
  PATH: '/usr/bin:/bin',
};

const entries = new Map<string, CompiledEntry>();
for (const entry of compileKb(await readKbDir('kb', process.cwd()), {
  normalize: normalizeLine,
  checkSafety: false,
  probeKinds: PROBE_KINDS,
}).ruleSet.entries) {
  entries.set(entry.id, entry);
}

async function verdicts(
  hostCase: string,
  ids: string[],
  env: Record<string, string> = ENV,
): Promise<Record<string, string>> {
  const host = createNodeHost({ root: `test/fixtures/hosts/${hostCase}`, env });
  const out: Record<string, string> = {};
  for (const id of ids) {
    const entry = entries.get(id);
    out[id] = entry === undefined ? 'not in the KB' : (await probeEntry(entry, host)).verdict;
  }
  return out;
}

const USERNS = [
  'userns-clone-disabled',
  'apparmor-userns-restriction',
  'userns-blocked-inside-container',
];
const NEWUIDMAP = ['newuidmap-not-privileged', 'nested-userns-subuid-not-mapped'];
const SOCKET = [
  'linger-disabled',
  'docker-host-uid-mismatch',
  'uninstall-leftovers',
  'rootless-daemon-not-running',
];

describe('fork/exec /proc/self/exe: operation not permitted', () => {
  it.each([
    [
      'debian-userns-clone-0',
      {
        'userns-clone-disabled': 'confirmed',
        'apparmor-userns-restriction': 'ruled-out',
        'userns-blocked-inside-container': 'ruled-out',
      },
    ],
    [
      'ubuntu-2404-apparmor',
      {
        'userns-clone-disabled': 'ruled-out',
        'apparmor-userns-restriction': 'confirmed',
        'userns-blocked-inside-container': 'ruled-out',
      },
    ],
    [
      'container',
      {
        'userns-clone-disabled': 'ruled-out',
        'apparmor-userns-restriction': 'ruled-out',
        'userns-blocked-inside-container': 'confirmed',
      },
    ],
  ])('on %s', async (hostCase, expected) => {
    expect(await verdicts(hostCase, USERNS)).toEqual(expected);
  });
});

describe('fork/exec /proc/self/exe: no space left on device', () => {
  it('is the namespace limit only where the limit is low', async () => {
    expect(await verdicts('userns-limit-0', ['max-user-namespaces-too-low'])).toEqual({
      'max-user-namespaces-too-low': 'confirmed',
    });
    expect(await verdicts('full-disk', ['max-user-namespaces-too-low'])).toEqual({
      'max-user-namespaces-too-low': 'ruled-out',
    });
  });
});

describe('newuidmap: write to uid_map failed: Operation not permitted', () => {
  it('is the nested namespace where uid_map maps only part of the id space', async () => {
    expect(await verdicts('nested-userns', NEWUIDMAP)).toEqual({
      'newuidmap-not-privileged': 'unknown',
      'nested-userns-subuid-not-mapped': 'confirmed',
    });
  });

  it('leaves the helper unknown on a copy: setuid bits and capabilities do not survive it', async () => {
    expect(await verdicts('newuidmap-not-setuid', NEWUIDMAP)).toEqual({
      'newuidmap-not-privileged': 'unknown',
      // this copy's uid_map is the identity map: no user namespace around it
      'nested-userns-subuid-not-mapped': 'ruled-out',
    });
    const host = createNodeHost({ root: 'test/fixtures/hosts/newuidmap-not-setuid', env: ENV });
    const probed = await probeEntry(
      entries.get('newuidmap-not-privileged') ?? { probes: [] },
      host,
    );
    expect(probed.results.map((r) => r.evidence)).toEqual([
      'newuidmap at /usr/bin/newuidmap: no setuid bit; file capabilities unknown (getcap: commands are not run under --host-root)',
      'newgidmap at /usr/bin/newgidmap: no setuid bit; file capabilities unknown (getcap: commands are not run under --host-root)',
    ]);
  });
});

describe('No subuid ranges found', () => {
  it('is confirmed where /etc/subuid lists other users only', async () => {
    expect(await verdicts('subuid-missing', ['subuid-range-missing'])).toEqual({
      'subuid-range-missing': 'confirmed',
    });
    // both files give alice a range: neither way the cause could hold does
    expect(await verdicts('newuidmap-not-setuid', ['subuid-range-missing'])).toEqual({
      'subuid-range-missing': 'ruled-out',
    });
  });
});

describe('Cannot connect to the Docker daemon at unix:///run/user/<uid>/docker.sock', () => {
  it('is linger where the daemon is installed and linger is off', async () => {
    // docker-host-uid-mismatch compares the uid with the one the log names: per finding, so an
    // entry probed on its own cannot tell (test/e2e/host-root.test.ts has the whole pipeline)
    expect(await verdicts('linger-off', SOCKET)).toEqual({
      'linger-disabled': 'confirmed',
      'docker-host-uid-mismatch': 'unknown',
      'uninstall-leftovers': 'ruled-out',
      'rootless-daemon-not-running': 'confirmed',
    });
  });

  it('is a hard-coded DOCKER_HOST where the own daemon is up', async () => {
    const env = { ...ENV, DOCKER_HOST: 'unix:///run/user/1018/docker.sock' };
    expect(await verdicts('docker-host-uid-mismatch', SOCKET, env)).toEqual({
      'linger-disabled': 'ruled-out',
      'docker-host-uid-mismatch': 'unknown',
      'uninstall-leftovers': 'ruled-out',
      'rootless-daemon-not-running': 'unknown',
    });
  });
});
