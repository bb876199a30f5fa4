import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';
import type { Host } from '../../../src/inventory/types.js';
import { applySshConfig } from '../../../src/ssh-config/apply.js';
import { fakeEnvironment } from './fake-environment.js';

const HOME = '/home/tester';
const FILE = '/home/tester/.ssh/config';

// The hosts of an inventory with one host per address (loaded the real way, so explicit settings are known).
function hostsAt(addresses: string[], hostFields = ''): Host[] {
  const lines = addresses.map((address, i) => `      h${i}: { address: '${address}'${hostFields} }`);
  return parseInventory(`customers:\n  c:\n    hosts:\n${lines.join('\n')}\n`, '/inv/inventory.yml', {
    home: HOME,
  }).hosts;
}

// The hosts at `addresses` after applying `config` (extra files for Include).
function apply(config: string, addresses: string[], files: Record<string, string> = {}, hostFields = '') {
  const env = fakeEnvironment(files);
  const result = applySshConfig(hostsAt(addresses, hostFields), { file: FILE, text: config }, env);
  return { ...result, env };
}

function one(config: string, address: string, files: Record<string, string> = {}) {
  const host = apply(config, [address], files).hosts[0];
  if (!host) throw new Error('no host');
  return host;
}

function configError(config: string): HfleetError {
  try {
    apply(config, ['any']);
  } catch (error) {
    if (error instanceof HfleetError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('applySshConfig: patterns', () => {
  it('`?` matches exactly one character, never zero', () => {
    const config = 'Host gpu?\n  User single\n';
    expect(one(config, 'gpu1').ssh.user).toBe('single');
    expect(one(config, 'gpu').ssh.user).toBe('root');
  });

  it('compares Host patterns with the address as written (case-sensitive), as ssh does', () => {
    const config = 'Host Zinfandel-ipv6\n  User wine\n';
    expect(one(config, 'Zinfandel-ipv6').ssh.user).toBe('wine');
    expect(one(config, 'zinfandel-ipv6').ssh.user).toBe('root');
  });

  it('understands Match !host, Match final and Match canonical', () => {
    const config = [
      'Host fin',
      '  HostName fin.real',
      'Match !host other',
      '  Port 2022',
      'Match canonical',
      '  User canonical',
      'Match final host fin.real',
      '  IdentityFile ~/.ssh/final',
    ].join('\n');
    const host = one(config, 'fin');
    expect(host.ssh.port).toBe(2022);
    expect(host.ssh.user).toBe('canonical');
    expect(host.ssh.identityFiles).toEqual([`${HOME}/.ssh/final`]);
  });

  it('runs Match exec with its tokens, and skips it when an earlier criterion failed', () => {
    const config =
      'Match host nomatch exec "true skipped"\n  User no\nMatch exec "true %h %p %r"\n  User yes\n';
    const { hosts, env } = apply(config, ['web']);
    expect(hosts[0]?.ssh.user).toBe('yes');
    expect(env.executed).toEqual(['true web 22 tester']);
  });
});

describe('applySshConfig: routes', () => {
  it('honours ProxyCommand with its tokens expanded, and no jump host', () => {
    const host = one(
      'Host inner\n  HostName 10.1.2.3\n  User u\n  ProxyCommand nc %h %p # via nc\n',
      'inner',
    );
    expect(host.ssh.proxyCommand).toBe('nc 10.1.2.3 22 # via nc');
    expect(host.ssh.via).toBeUndefined();
  });

  it('ignores a ProxyJump after a ProxyCommand, and ProxyCommand none stops a later ProxyJump', () => {
    expect(one('Host a\n  ProxyCommand nc %h %p\n  ProxyJump b\n', 'a').ssh.via).toBeUndefined();
    const none = one('Host a\n  ProxyCommand none\nHost *\n  ProxyJump b\n', 'a');
    expect(none.ssh.via).toBeUndefined();
    expect(none.ssh.proxyCommand).toBeUndefined();
  });

  it('resolves each jump host as a host of its own: its own user (else the local user), key and jump', () => {
    const config = [
      'Host target',
      '  User app',
      '  IdentityFile ~/.ssh/app',
      '  ProxyJump inner',
      'Host inner',
      '  HostName 10.0.0.2',
      '  IdentityFile ~/.ssh/inner',
      '  ProxyJump ops@outer:2200',
      'Host outer',
      '  HostName 203.0.113.1',
      '  User ignored-because-given',
      '  UserKnownHostsFile ~/.ssh/outer_known',
    ].join('\n');
    const host = one(config, 'target');
    expect(host.ssh.user).toBe('app');
    const inner = host.ssh.via;
    expect(inner).toMatchObject({ host: 'inner', address: '10.0.0.2' });
    expect(inner?.ssh.user).toBe('tester');
    expect(inner?.ssh.identityFiles).toEqual([`${HOME}/.ssh/inner`]);
    expect(inner?.ssh.via).toMatchObject({ host: 'outer', address: '203.0.113.1' });
    expect(inner?.ssh.via?.ssh).toMatchObject({
      user: 'ops',
      port: 2200,
      knownHosts: `${HOME}/.ssh/outer_known`,
    });
  });

  it('takes multi-hop ProxyJump a,b: b is reached through a, the target through b', () => {
    const config = 'Host t\n  ProxyJump alice@a:2201,b\nHost b\n  User bob\n  ProxyJump ignored\n';
    const host = one(config, 't');
    expect(host.ssh.via).toMatchObject({ host: 'b', ssh: { user: 'bob' } });
    expect(host.ssh.via?.ssh.via).toMatchObject({ host: 'a', ssh: { user: 'alice', port: 2201 } });
    expect(host.ssh.via?.ssh.via?.ssh.via).toBeUndefined();
  });

  it('resolves an inventory jump through the config too (the inventory acts as ssh -J)', () => {
    const hosts = apply(
      'Host bastion\n  HostName 198.51.100.1\n  User ops\n',
      ['10.0.0.9'],
      {},
      ", jump: 'bastion'",
    ).hosts;
    expect(hosts[0]?.ssh.via).toMatchObject({ address: '198.51.100.1', ssh: { user: 'ops' } });
  });
});

describe('applySshConfig: values', () => {
  it('refuses the config when an included file is one ssh stops on (another owner, or anyone can write it)', () => {
    const env = fakeEnvironment({ '/home/tester/.ssh/shared.conf': 'Host *\n  User x\n' }, [
      '/home/tester/.ssh/shared.conf',
    ]);
    expect(() =>
      applySshConfig(hostsAt(['any']), { file: FILE, text: 'Host a\n  Port 2\nInclude shared.conf\n' }, env),
    ).toThrow(`${FILE}:3: Bad owner or permissions on /home/tester/.ssh/shared.conf`);
  });

  it('follows Include with globs and paths relative to ~/.ssh', () => {
    const files = { [`${HOME}/.ssh/conf.d/a.conf`]: 'Host inc\n  User included\n' };
    expect(one('Include conf.d/*.conf\n', 'inc', files).ssh.user).toBe('included');
  });

  it('keeps `#` inside a word, and expands ${ENV} and ~user to absolute paths', () => {
    const config = 'Host c2\n  User c2user#x\n  IdentityFile ${AGENT_DIR}/k\n  UserKnownHostsFile ~root/kh\n';
    const host = one(config, 'c2');
    expect(host.ssh.user).toBe('c2user#x');
    expect(host.ssh.identityFiles).toEqual(['/run/agents/k']);
    expect(host.ssh.knownHosts).toBe('/root/kh');
  });

  it('uses every IdentityFile and UserKnownHostsFile, and UserKnownHostsFile none reads no user file', () => {
    const config =
      'Host k\n  IdentityFile ~/.ssh/one\n  UserKnownHostsFile ~/a ~/b\nHost *\n  IdentityFile ~/.ssh/two\n';
    const host = one(config, 'k');
    expect(host.ssh.identityFiles).toEqual([`${HOME}/.ssh/one`, `${HOME}/.ssh/two`]);
    expect(host.ssh.knownHosts).toBe(`${HOME}/a`);
    expect(host.ssh.moreKnownHosts?.[0]).toBe(`${HOME}/b`);
    expect(one('UserKnownHostsFile none\n', 'x').ssh.knownHosts).toBe('/dev/null');
  });

  it.each([
    ['User 007', { user: '007' }],
    ['User jdoe@corp.example.com', { user: 'jdoe@corp.example.com' }],
    ['StrictHostKeyChecking true', { hostKeyChecking: 'strict' }],
    ['StrictHostKeyChecking false', { hostKeyChecking: 'off' }],
    ['Port ssh', { port: 22 }],
    ['IdentityFile ~/.ssh/%l', { identityFiles: [`${HOME}/.ssh/laptop.lan`] }],
  ])('accepts %s as ssh does', (line, expected) => {
    expect(one(`${line}\n`, 'x').ssh).toMatchObject(expected);
  });

  it('keeps 300 s keepalives under BatchMode yes when no ServerAliveInterval is set, as ssh does', () => {
    const batch = one('Host *\n  BatchMode yes\n', 'ci');
    expect(batch.ssh.serverAlive).toEqual({ interval: 300, countMax: 3 });
    expect(batch.ssh.origins).toMatchObject({ serverAlive: `${FILE}:2` });
    expect(one('Host *\n  BatchMode yes\n  ServerAliveInterval 20\n', 'ci').ssh.serverAlive?.interval).toBe(
      20,
    );
    expect(one('Host *\n  BatchMode no\n', 'ci').ssh.serverAlive).toBeUndefined();
  });

  it('reads the first word of ProxyJump and accepts the unsupported RSAAuthentication, as ssh 9.2 does', () => {
    const host = one('Host app\n  RSAAuthentication yes\n  ProxyJump gw1 gw2\nHost gw1\n  User hop\n', 'app');
    expect(host.ssh.via).toMatchObject({ host: 'gw1', ssh: { user: 'hop' } });
    expect(host.ssh.via?.ssh.via).toBeUndefined();
  });

  it('lets the inventory win (as ssh command-line options do)', () => {
    const hosts = apply('Host *\n  User cfg\n  Port 2\n', ['x'], {}, ', user: inv, port: 2200').hosts;
    expect(hosts[0]?.ssh).toMatchObject({ user: 'inv', port: 2200 });
    expect(hosts[0]?.ssh.origins).toMatchObject({ user: 'inventory', port: 'inventory' });
  });

  it('records where each value came from', () => {
    const host = one('\nHost w\n  User u\n', 'w');
    expect(host.ssh.origins).toMatchObject({ user: `${FILE}:3`, port: 'default' });
  });
});

describe('applySshConfig: errors', () => {
  it.each([
    ['Host q\n  User "unclosed\n', `${FILE}:2: invalid quotes`],
    ['Match host\n  User x\n', `${FILE}:1: Bad Match condition`],
    ['Match exec "test -n \\"$HOME\\""\n  User x\n', `${FILE}:1: Bad Match condition`],
    ['Match host #db\n  User x\n', `${FILE}:1: Bad Match condition`],
    ['Host nv\n  User\n  Port 2222\n', `${FILE}:2: no argument after keyword "user"`],
    ['Host x\n  Port 70000\n', `${FILE}:2: Bad port`],
    ['Host x\n  UseKeychain yes\n', `${FILE}:2: Bad configuration option: usekeychain`],
  ])('refuses a config ssh cannot read with FILE:LINE (%#)', (config, message) => {
    const error = configError(config);
    expect(error.code).toBe('SSH_CONFIG');
    expect(error.message.startsWith(message)).toBe(true);
  });

  it('fails only the host whose values hfleet cannot use, naming FILE:LINE and the keyword', () => {
    const config = 'Host bad\n  HostName -oProxyCommand=x\nHost tok\n  IdentityFile ~/%j\n';
    const [bad, tok, good] = apply(config, ['bad', 'tok', 'good']).hosts;
    expect(bad?.ssh.unusable).toBe(`${FILE}:2: HostName '-oproxycommand=x' is not an IP address or DNS name`);
    expect(tok?.ssh.unusable).toContain(`${FILE}:4: IdentityFile: unknown token '%j'`);
    expect(good?.ssh.unusable).toBeUndefined();
  });

  it('reports each keyword the ssh2 transport does not honour once, with what it does instead', () => {
    const config = 'Host a\n  CertificateFile ~/c\nHost *\n  CertificateFile ~/d\n  PKCS11Provider /p.so\n';
    const { notes } = apply(config, ['a', 'b']);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(new RegExp(`^${FILE}:2: certificatefile is not honoured by the ssh2 transport`));
  });
});
