import { describe, expect, test } from 'vitest';
import { jsonReporter } from '../../src/report/json-reporter.js';
import { DIAGNOSIS, RULED_OUT, SUGGESTION, SUMMARY as summary } from './fixtures.js';

describe('jsonReporter', () => {
  test('a diagnosis is one line with the keys of DESIGN.md section 2, in order', () => {
    expect(jsonReporter.diagnosis(DIAGNOSIS)).toBe(
      '{"type":"diagnosis","id":"max-user-namespaces-too-low","title":"The user namespace limit is zero or too low","severity":"error","verdict":"confirmed","reason":"confirmed: /proc/sys/user/max_user_namespaces = 0","line":12,"text":"[rootlesskit:parent] error: failed to start the child: fork/exec /proc/self/exe: no space left on device","captures":{},"probes":[{"id":"max-user-namespaces-value","verdict":"confirmed","evidence":"/proc/sys/user/max_user_namespaces = 0"}],"fixes":[{"text":"Raise the limit now and on every boot.","command":"echo \'user.max_user_namespaces=28633\' | sudo tee /etc/sysctl.d/51-rootless.conf && sudo sysctl --system","root":true},{"text":"Then start the daemon again.","root":false}],"links":["https://docs.docker.com/engine/security/rootless/troubleshoot/"],"tags":["userns","sysctl"]}\n',
    );
  });

  test('a fix that can lose data says so; other fixes keep their fields', () => {
    const destructive = {
      ...DIAGNOSIS,
      fixes: [
        { text: 'Look.', command: 'ls', root: false },
        { text: 'Remove.', command: 'rm -rf ~/x', root: false, destructive: true },
      ],
    };
    expect(JSON.parse(jsonReporter.diagnosis(destructive)).fixes).toEqual([
      { text: 'Look.', command: 'ls', root: false },
      { text: 'Remove.', command: 'rm -rf ~/x', root: false, destructive: true },
    ]);
  });

  test('the summary carries the command to collect the missing line', () => {
    const collect = {
      id: 'x',
      command: 'journalctl --user -u docker -n 50 --no-pager',
      text: 'Why.',
    };
    const record = JSON.parse(
      jsonReporter.summary({ summary: { ...summary, collect }, ranked: [] }),
    );
    expect(record.collect).toEqual(collect);
  });

  test('a suggestion, with scores rounded to two decimals', () => {
    expect(jsonReporter.suggestion(SUGGESTION)).toBe(
      '{"type":"suggestion","line":40,"text":"level=error msg=failed to mount overlay: invalid argument","candidates":[{"id":"overlay-unavailable-fallback","title":"Kernel overlayfs is unavailable","score":0.12},{"id":"fuse-device-missing","title":"/dev/fuse is missing","score":0.5}]}\n',
    );
  });

  test('the summary lists the ranked diagnoses with counts and verdicts', () => {
    expect(jsonReporter.summary({ summary, ranked: [DIAGNOSIS, RULED_OUT] })).toBe(
      '{"type":"summary","lines":1000,"diagnoses":[{"id":"max-user-namespaces-too-low","count":3,"verdict":"confirmed"},{"id":"userns-clone-disabled","count":1,"verdict":"ruled-out"}],"suggestions":1}\n',
    );
  });

  test('control characters in log text are escaped, never written raw', () => {
    const line = jsonReporter.diagnosis({ ...DIAGNOSIS, text: 'a\u001b]52;c;eA==\u0007b' });
    expect(line).toContain('"text":"a\\u001b]52;c;eA==\\u0007b"');
    expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
