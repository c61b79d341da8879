// Each rule of normalisation, with lines as they appear in real output.
import { describe, expect, test } from 'vitest';
import { normalizeLine } from '../../src/match/normalize-line.js';

const FORK_EPERM =
  '[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: operation not permitted';

describe('normalizeLine', () => {
  test('drops the journald / syslog prefix', () => {
    expect(normalizeLine(`Sep 27 14:44:14 host dockerd-rootless.sh[3117]: ${FORK_EPERM}`)).toBe(
      FORK_EPERM,
    );
    expect(
      normalizeLine(`Sep  7 04:04:04 my-host.example dockerd-rootless.sh[17]: ${FORK_EPERM}`),
    ).toBe(FORK_EPERM);
    expect(
      normalizeLine(`Sep 27 14:44:14.123456 host dockerd-rootless.sh[3117]: ${FORK_EPERM}`),
    ).toBe(FORK_EPERM);
    expect(
      normalizeLine(
        "Mar 02 09:15:01 host systemd[1201]: docker.service: Failed with result 'exit-code'.",
      ),
    ).toBe("docker.service: Failed with result 'exit-code'.");
  });

  test('drops ISO timestamps, and the journald host and ident after them', () => {
    expect(
      normalizeLine(`2024-09-27T14:44:14+0200 host dockerd-rootless.sh[3117]: ${FORK_EPERM}`),
    ).toBe(FORK_EPERM);
    expect(normalizeLine(`2024-09-27T14:44:14.1234567Z ${FORK_EPERM}`)).toBe(FORK_EPERM);
    expect(normalizeLine('2024-09-27 14:44:14,120 docker: failed to register layer')).toBe(
      'failed to register layer',
    );
  });

  test('keeps words that only look like a host and an ident', () => {
    expect(normalizeLine('2024-09-27T14:44:14Z could not get XDG_RUNTIME_DIR')).toBe(
      'could not get XDG_RUNTIME_DIR',
    );
  });

  test('drops monotonic timestamps', () => {
    expect(
      normalizeLine('[ 1234.567890] host dockerd-rootless.sh[3117]: could not get XDG_RUNTIME_DIR'),
    ).toBe('could not get XDG_RUNTIME_DIR');
  });

  test('drops the `+ ` and `++ ` of a shell trace (dockerd-rootless.sh runs with set -x)', () => {
    expect(
      normalizeLine(
        '+ exec rootlesskit --state-dir=/run/user/1000/dockerd-rootless --net=slirp4netns',
      ),
    ).toBe('exec rootlesskit --state-dir=/run/user/1000/dockerd-rootless --net=slirp4netns');
    expect(normalizeLine('++ id -u')).toBe('id -u');
    expect(
      normalizeLine('Sep 27 14:44:14 host dockerd-rootless.sh[3117]: + [ -w /run/user/1000 ]'),
    ).toBe('[ -w /run/user/1000 ]');
  });

  test('drops the docker CLI prefixes', () => {
    expect(
      normalizeLine(
        'docker: Error response from daemon: OCI runtime create failed: ...: read unix @->/run/systemd/private: read: connection reset by peer: unknown.',
      ),
    ).toBe(
      'OCI runtime create failed: ...: read unix @->/run/systemd/private: read: connection reset by peer: unknown.',
    );
    expect(
      normalizeLine(
        'docker: failed to register layer: ApplyLayer exit status 1 stdout:  stderr: lchown /usr/local/bin: operation not permitted.',
      ),
    ).toBe(
      'failed to register layer: ApplyLayer exit status 1 stdout:  stderr: lchown /usr/local/bin: operation not permitted.',
    );
  });

  test('unquotes logrus msg and error values, with their escapes', () => {
    expect(
      normalizeLine(
        'time="2024-03-01T10:00:00.000000000Z" level=warning msg="[rootlesskit:parent] /proc/sys/user/max_user_namespaces needs to be set to non-zero."',
      ),
    ).toBe(
      'time="2024-03-01T10:00:00.000000000Z" level=warning msg=[rootlesskit:parent] /proc/sys/user/max_user_namespaces needs to be set to non-zero.',
    );
    expect(
      normalizeLine(
        'level=error msg="failed to start daemon" error="Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: \\"Fatal: can\'t open lock file /run/xtables.lock: Permission denied\\" (exit status 4)"',
      ),
    ).toBe(
      'level=error msg=failed to start daemon error=Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: "Fatal: can\'t open lock file /run/xtables.lock: Permission denied" (exit status 4)',
    );
    expect(normalizeLine('msg="path C:\\\\x and a\\ttab\\nnewline \\u00e9"')).toBe(
      'msg=path C:\\x and a tab newline \\u00e9',
    );
  });

  test('an unterminated quoted value (a cut line) runs to the end', () => {
    expect(
      normalizeLine('level=error msg="failed to start the child: fork/exec /proc/self/e'),
    ).toBe('level=error msg=failed to start the child: fork/exec /proc/self/e');
  });

  test('removes colours, CR and control characters before anything else', () => {
    expect(
      normalizeLine(
        'Sep 27 14:44:14 host dockerd-rootless.sh[3117]: \u001b[31mERRO\u001b[0m[0000] could not get XDG_RUNTIME_DIR\r',
      ),
    ).toBe('ERRO[0000] could not get XDG_RUNTIME_DIR');
  });

  test('keeps U+FFFD from invalid UTF-8 and trims the ends', () => {
    expect(normalizeLine('  lchown /var/lib/\ufffd\ufffd: invalid argument  ')).toBe(
      'lchown /var/lib/\ufffd\ufffd: invalid argument',
    );
  });
});
