import { expect, test } from 'vitest';
import { normalizeLine } from '../../src/match/normalize-line.js';
import { LogVersionReader } from '../../src/match/read-log-versions.js';

test('reads the versions a log states, in statements and in docker version blocks', () => {
  // `docker version` of a rootless daemon, then one-line statements as tools print them
  const log = [
    'Client: Docker Engine - Community',
    ' Version:           20.10.5',
    ' API version:       1.41',
    'Server: Docker Engine - Community',
    ' Engine:',
    '  Version:          20.10.6',
    '  API version:      1.41 (minimum version 1.12)',
    ' containerd:',
    '  Version:          1.4.4',
    ' runc:',
    '  Version:          1.0.0-rc93',
    ' rootlesskit:',
    '  Version:          0.14.2',
    'Docker version 28.0.1, build 068a01e',
    'Sep 27 14:44:14 host dockerd-rootless.sh[3117]: time="2024-09-27T14:44:14.1Z" level=info msg="Docker daemon" commit=3ab5c7d0 storage-driver=overlay2 version=27.3.1',
    ' Server Version: 24.0.7',
    'rootlesskit version 1.1.1',
    'slirp4netns version 1.2.0',
  ];
  const reader = new LogVersionReader();
  const found = log.flatMap((line) => reader.read(normalizeLine(line)) ?? []);
  expect(found).toEqual([
    { component: 'docker', version: '20.10.6' },
    { component: 'containerd', version: '1.4.4' },
    { component: 'runc', version: '1.0.0' },
    { component: 'rootlesskit', version: '0.14.2' },
    { component: 'docker', version: '28.0.1' },
    { component: 'docker', version: '27.3.1' },
    { component: 'docker', version: '24.0.7' },
    { component: 'rootlesskit', version: '1.1.1' },
    { component: 'slirp4netns', version: '1.2.0' },
  ]);
});
