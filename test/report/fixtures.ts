// Diagnoses and suggestions as the reporters receive them, shared by the reporter tests.
import type { Diagnosis, Suggestion, Summary } from '../../src/diagnose/types.js';

export const DIAGNOSIS: Diagnosis = {
  id: 'max-user-namespaces-too-low',
  title: 'The user namespace limit is zero or too low',
  summary: 'rootlesskit cannot create a user namespace because user.max_user_namespaces is 0.',
  severity: 'error',
  verdict: 'confirmed',
  reason: 'confirmed: /proc/sys/user/max_user_namespaces = 0',
  line: 12,
  lastLine: 40,
  count: 3,
  text: '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device',
  captures: {},
  probes: [
    {
      id: 'max-user-namespaces-value',
      verdict: 'confirmed',
      evidence: '/proc/sys/user/max_user_namespaces = 0',
    },
  ],
  fixes: [
    {
      text: 'Raise the limit now and on every boot.',
      command:
        "echo 'user.max_user_namespaces=28633' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system",
      root: true,
    },
    { text: 'Then start the daemon again.', root: false },
  ],
  links: ['https://docs.docker.com/engine/security/rootless/troubleshoot/'],
  tags: ['userns', 'sysctl'],
};

export const RULED_OUT: Diagnosis = {
  ...DIAGNOSIS,
  id: 'userns-clone-disabled',
  title: 'Unprivileged user namespaces are switched off',
  summary: 'kernel.unprivileged_userns_clone is 0.',
  severity: 'warning',
  verdict: 'ruled-out',
  reason: 'ruled out: /proc/sys/kernel/unprivileged_userns_clone = 1',
  line: 3,
  count: 1,
  text: 'fork/exec /proc/self/exe: operation not permitted',
  captures: { user: "o'brien" },
  probes: [
    {
      id: 'userns-clone',
      verdict: 'ruled-out',
      evidence: '/proc/sys/kernel/unprivileged_userns_clone = 1',
    },
  ],
  fixes: [{ text: 'Allow them.', command: 'sudo usermod {{user}}', root: true }],
  links: [],
  tags: [],
};

export const SUGGESTION: Suggestion = {
  line: 40,
  text: 'level=error msg=failed to mount overlay: invalid argument',
  candidates: [
    { id: 'overlay-unavailable-fallback', title: 'Kernel overlayfs is unavailable', score: 0.1234 },
    { id: 'fuse-device-missing', title: '/dev/fuse is missing', score: 0.5 },
  ],
};

/** 1000 lines, both diagnoses above ranked, one suggestion. */
export const SUMMARY: Summary = {
  lines: 1000,
  diagnoses: [
    { id: DIAGNOSIS.id, count: 3, verdict: 'confirmed' },
    { id: RULED_OUT.id, count: 1, verdict: 'ruled-out' },
  ],
  suggestions: 1,
};
