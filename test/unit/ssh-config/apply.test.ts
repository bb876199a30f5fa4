import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';
import type { Host } from '../../../src/inventory/types.js';
import { applySshConfig } from '../../../src/ssh-config/apply.js';

const HOME = '/home/tester';
const ENV = { file: '/home/tester/.ssh/config', home: HOME, localUser: 'tester', cwd: '/work' };

// The hosts of an inventory text (loaded the real way, so `sshExplicit` is what the loader records).
function hostsOf(text: string): Host[] {
  return parseInventory(text, '/inv/inventory.yml', { home: HOME }).hosts;
}

// The one host `name` after applying `config`.
function applied(inventory: string, config: string, name = 'acme-1'): Host {
  const host = applySshConfig(hostsOf(inventory), config, ENV).find((h) => h.name === name);
  if (!host) throw new Error(`no host ${name}`);
  return host;
}

const ALIAS_INVENTORY = 'customers:\n  acme:\n    hosts:\n      acme-1: { address: acme-prod }\n';
const FULL_CONFIG = `
Host acme-prod
  HostName 203.0.113.10
  User deploy
  Port 2222
  IdentityFile ~/.ssh/acme_%r
  ProxyJump bastion
  StrictHostKeyChecking accept-new
  UserKnownHostsFile ~/.ssh/known_%h
  ConnectTimeout 7

Host bastion
  HostName 198.51.100.1
  User ops
  Port 2200

Host *
  User fallback
  IdentityFile ~/.ssh/id_default
`;

describe('applySshConfig', () => {
  it('fills every setting the inventory leaves open from the alias block, first value wins', () => {
    const host = applied(ALIAS_INVENTORY, FULL_CONFIG);
    expect(host.address).toBe('203.0.113.10');
    expect(host.ssh).toMatchObject({
      user: 'deploy',
      port: 2222,
      identityFile: '/home/tester/.ssh/acme_deploy',
      jump: 'ops@198.51.100.1:2200',
      hostKeyChecking: 'accept-new',
      knownHosts: '/home/tester/.ssh/known_203.0.113.10',
      connectTimeout: 7,
      become: false,
    });
  });

  it('keeps what the inventory set at any level (inventory wins)', () => {
    const inventory = `
defaults: { ssh: { host_key_checking: strict } }
customers:
  acme:
    ssh: { user: root }
    hosts:
      acme-1: { address: acme-prod, port: 22, jump: 'admin@bastion' }
`;
    const host = applied(inventory, FULL_CONFIG);
    expect(host.ssh.user).toBe('root');
    expect(host.ssh.port).toBe(22);
    expect(host.ssh.hostKeyChecking).toBe('strict');
    expect(host.ssh.jump).toBe('admin@198.51.100.1:2200'); // the alias is still resolved
    expect(host.ssh.identityFile).toBe('/home/tester/.ssh/acme_root'); // %r is the final user
  });

  it('uses the inventory host name as a second candidate, without replacing the address', () => {
    const inventory = 'customers:\n  acme:\n    hosts:\n      acme-1: { address: 10.0.0.5 }\n';
    const host = applied(inventory, 'Host acme-1\n  HostName 10.9.9.9\n  User byname\n');
    expect(host.address).toBe('10.0.0.5');
    expect(host.ssh.user).toBe('byname');
  });

  it('applies Host * alone when no block names the host', () => {
    const inventory = 'customers:\n  acme:\n    hosts:\n      acme-1: { address: 10.0.0.5 }\n';
    const host = applied(inventory, FULL_CONFIG);
    expect(host.address).toBe('10.0.0.5');
    expect(host.ssh.user).toBe('fallback');
    expect(host.ssh.identityFile).toBe('/home/tester/.ssh/id_default');
  });

  it('maps StrictHostKeyChecking values and honours negated patterns', () => {
    const inventory =
      'customers:\n  a:\n    hosts:\n      a-1: { address: web1 }\n      a-2: { address: web2 }\n';
    const config = 'Host web* !web2\n  StrictHostKeyChecking no\nHost web2\n  StrictHostKeyChecking yes\n';
    const hosts = applySshConfig(hostsOf(inventory), config, ENV);
    expect(hosts.map((h) => h.ssh.hostKeyChecking)).toEqual(['off', 'strict']);
  });

  it('leaves hosts untouched when every setting is explicit, and does not mutate its input', () => {
    const hosts = hostsOf(ALIAS_INVENTORY);
    const before = structuredClone(hosts);
    const all = () =>
      new Set([
        'user',
        'port',
        'identityFile',
        'knownHosts',
        'hostKeyChecking',
        'jump',
        'connectTimeout',
      ] as const);
    const [host] = applySshConfig(hosts, 'Host *\n  User x\n  Port 1\n', { ...ENV, explicit: all });
    expect(host?.ssh).toEqual(before[0]?.ssh);
    expect(hosts).toEqual(before);
  });

  it('ProxyJump none and IdentityFile none leave the settings unset', () => {
    const host = applied(ALIAS_INVENTORY, 'Host acme-prod\n  ProxyJump none\n  IdentityFile none\n');
    expect(host.ssh.jump).toBeUndefined();
    expect(host.ssh.identityFile).toBeUndefined();
  });

  it.each([
    ['Port abc', 'Port'],
    ['Port 70000', 'Port'],
    ['User "bad user"', 'User'],
    ['ProxyJump a,b', 'several hops'],
    ['StrictHostKeyChecking maybe', 'StrictHostKeyChecking'],
    ['HostName -oProxyCommand=x', 'HostName'],
    ['IdentityFile ~/.ssh/%C', "token '%C'"],
  ])('refuses %s with an SSH_CONFIG error naming the file and host', (line, fragment) => {
    let error: unknown;
    try {
      applied(ALIAS_INVENTORY, `Host acme-prod\n  ${line}\n`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HfleetError);
    expect((error as HfleetError).code).toBe('SSH_CONFIG');
    expect((error as HfleetError).message).toContain('/home/tester/.ssh/config: Host acme-prod');
    expect((error as HfleetError).message).toContain(fragment);
  });

  it('matches Match host blocks against the resolved HostName, and never runs Match exec', () => {
    const config =
      'Host acme-prod\n  HostName 10.1.1.1\nMatch exec "touch /tmp/pwned"\n  Port 1\nMatch host 10.1.*\n  Port 2022\n';
    const host = applied(ALIAS_INVENTORY, config);
    expect(host.ssh.port).toBe(2022);
  });

  it('accepts an empty config', () => {
    const host = applied(ALIAS_INVENTORY, '');
    expect(host.address).toBe('acme-prod');
    expect(host.ssh.user).toBe('root');
  });
});
