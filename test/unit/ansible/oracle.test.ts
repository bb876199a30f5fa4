import { describe, expect, it } from 'vitest';
import { oracleHosts } from '../../../src/ansible/oracle.js';

// The judge reads `ansible-inventory --list` JSON as Ansible's ssh connection would use it.
describe('oracleHosts', () => {
  const hosts = (hostvars: Record<string, Record<string, unknown>>) =>
    oracleHosts({ _meta: { hostvars } }).map((host) => [host.name, host.address, host.port, host.user]);

  it('skips null settings for the other spelling or the default', () => {
    expect(
      hosts({
        a: { ansible_host: null, ansible_port: null, ansible_user: null },
        b: { ansible_ssh_host: null, ansible_host: '192.0.2.2', ansible_ssh_user: null, ansible_user: 'ops' },
      }),
    ).toEqual([
      ['a', 'a', 22, undefined],
      ['b', '192.0.2.2', 22, 'ops'],
    ]);
  });

  it('reads an empty user as the local user and keeps an empty address', () => {
    expect(hosts({ c: { ansible_host: '', ansible_user: '' } })).toEqual([['c', '', 22, undefined]]);
  });
});
