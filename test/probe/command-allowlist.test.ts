import { describe, expect, it } from 'vitest';
import { ALLOWLIST, refuseCommand } from '../../src/probe/kinds/command-allowlist.js';

describe('the command allowlist', () => {
  it('names exactly the programs probes may run', () => {
    expect([...ALLOWLIST].sort()).toEqual(
      [
        'systemctl',
        'loginctl',
        'iptables',
        'id',
        'uname',
        'getcap',
        'getenforce',
        'systemd-detect-virt',
        'rootlesskit',
        'slirp4netns',
        'pasta',
        'docker',
        'dockerd',
        'containerd',
        'runc',
        'findmnt',
        'stat',
        'readlink',
        'getsubids',
        'modprobe',
        'journalctl',
        'ss',
        'nvidia-ctk',
        'dpkg',
        'rpm',
      ].sort(),
    );
  });

  it.each([
    [['systemctl', '--user', 'is-active', 'dbus']],
    [['systemctl', '--user', 'show', 'docker', '-p', 'Environment']],
    [['systemctl', '--version']],
    [['loginctl', 'show-user', 'alice', '-p', 'Linger']],
    [['docker', 'context', 'show']],
    [['docker', 'info', '--format', '{{.Driver}}']],
    [['journalctl', '--user', '-u', 'docker', '-n', '50', '--no-pager']],
    [['modprobe', '-n', '-v', 'ip_tables']],
    [['modprobe', '--dry-run', 'ip_tables']],
    [['modprobe', '-nv', 'ip_tables']],
    [['iptables', '--version']],
    [['rootlesskit', '--version']],
    [['pasta', '--version']],
    [['nvidia-ctk', 'cdi', 'list']],
    [['dpkg', '-s', 'uidmap']],
    [['rpm', '-q', 'shadow-utils']],
    [['uname', '-r']],
    [['id', '-u']],
    [['systemd-detect-virt', '--container']],
    [['findmnt', '-no', 'OPTIONS', '-T', '/home']],
    [['stat', '-fc', '%T', '/sys/fs/cgroup']],
    [['ss', '-ltnH', 'sport = :80']],
  ])('allows %j', (argv) => {
    expect(refuseCommand(argv)).toBeUndefined();
  });

  it.each([
    [['rm', '-rf', '/'], '`rm` is not on the probe allowlist'],
    [
      ['/usr/bin/systemctl', 'is-active', 'docker'],
      '`/usr/bin/systemctl` is not on the probe allowlist',
    ],
    [['sh', '-c', 'id'], '`sh` is not on the probe allowlist'],
    [['constructor'], '`constructor` is not on the probe allowlist'],
    [[], 'empty command'],
    [
      ['systemctl', '--user', 'start', 'docker'],
      '`systemctl`: subcommand `start` is not read-only',
    ],
    [
      ['systemctl', '--user', 'enable', '--now', 'docker'],
      '`systemctl`: subcommand `enable` is not read-only',
    ],
    [
      ['loginctl', 'enable-linger', 'alice'],
      '`loginctl`: subcommand `enable-linger` is not read-only',
    ],
    [['docker', 'rm', '-f', 'x'], '`docker`: subcommand `rm` is not read-only'],
    [['docker', 'context', 'use', 'rootless'], '`docker`: `context use` is not read-only'],
    [['journalctl', '--vacuum-size=1M'], '`journalctl`: journal maintenance writes'],
    [['modprobe', 'ip_tables'], '`modprobe`: only with -n'],
    [['iptables', '-t', 'nat', '-N', 'DOCKER'], '`iptables`: only --version'],
    [['dockerd'], '`dockerd`: only --version or --help'],
    [['pasta', '--config-net'], '`pasta`: only --version or --help'],
    [['nvidia-ctk', 'runtime', 'configure'], '`nvidia-ctk`: only --version or --help'],
    [['dpkg', '--purge', 'uidmap'], '`dpkg`: `--purge` is not a query'],
    [['rpm', '-e', 'shadow-utils'], '`rpm`: `-e` is not a query'],
  ])('refuses %j', (argv, reason) => {
    expect(refuseCommand(argv)).toBe(reason);
  });
});
