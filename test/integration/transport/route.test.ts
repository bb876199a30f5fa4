// Routes and credentials resolved from an ssh config, end to end against in-process SSH servers: a two-hop
// chain with a user and key per hop, a ProxyCommand, an agent-only key chosen by a `.pub` IdentityFile.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';
import type { Host } from '../../../src/inventory/types.js';
import { applySshConfig } from '../../../src/ssh-config/apply.js';
import { processResolveEnvironment } from '../../../src/ssh-config/environment.js';
import { connect } from '../../../src/transport/connect.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { startAgent, type TestAgent } from '../../support/ssh-agent.js';
import { generateKeyPair, startSshServer, type TestSshServer } from '../../support/ssh-server.js';

let dir: string;
const servers: TestSshServer[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfleet-route-'));
  vi.stubEnv('SSH_AUTH_SOCK', '');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
});

// A key pair written to `dir/name` (private) and `dir/name.pub`.
function keyFile(name: string): { path: string; publicKey: string; privateKey: string } {
  const pair = generateKeyPair();
  const path = join(dir, name);
  writeFileSync(path, pair.privateKey, { mode: 0o600 });
  writeFileSync(`${path}.pub`, `${pair.publicKey}\n`);
  return { path, ...pair };
}

async function server(authorizedKey: string, allowForwarding = false): Promise<TestSshServer> {
  const started = await startSshServer({
    authorizedKeys: [authorizedKey],
    allowForwarding,
    onExec: (command, _stdin, user) => ({ stdout: `${user}: ${command}` }),
  });
  servers.push(started);
  return started;
}

// The inventory host `app` at address `target`, after applying `config` (known_hosts listing `servers`).
function resolvedTarget(config: string): Host {
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `${servers.map((s) => s.knownHostsLine()).join('\n')}\n`);
  const inventory = parseInventory(
    'customers:\n  c:\n    hosts:\n      app: { address: target }\n',
    join(dir, 'i.yml'),
    {
      home: dir,
    },
  );
  const text = `${config}\nHost *\n  UserKnownHostsFile ${knownHosts}\n  IdentitiesOnly yes\n`;
  const [host] = applySshConfig(
    inventory.hosts,
    { file: join(dir, 'config'), text },
    processResolveEnvironment(),
  ).hosts;
  if (!host) throw new Error('no host');
  return host;
}

async function run(host: Host): Promise<string> {
  const connection = await connect({ host: host.name, address: host.address, ssh: host.ssh });
  try {
    return (await connection.exec(['hostname'])).stdout;
  } finally {
    connection.close();
  }
}

describe('routes from the ssh config', () => {
  it('goes through a two-hop ProxyJump chain, logging into each hop as its own user with its own key', async () => {
    const [k1, k2, k3] = [keyFile('k1'), keyFile('k2'), keyFile('k3')];
    const hop1 = await server(k1.publicKey, true);
    const hop2 = await server(k2.publicKey, true);
    const target = await server(k3.publicKey);
    const host = resolvedTarget(
      [
        'Host target',
        `  HostName 127.0.0.1\n  Port ${target.port}\n  User app\n  IdentityFile ${k3.path}\n  ProxyJump hop2`,
        'Host hop2',
        `  HostName 127.0.0.1\n  Port ${hop2.port}\n  User second\n  IdentityFile ${k2.path}\n  ProxyJump first@hop1`,
        'Host hop1',
        `  HostName 127.0.0.1\n  Port ${hop1.port}\n  User ignored\n  IdentityFile ${k1.path}`,
      ].join('\n'),
    );
    expect(await run(host)).toBe('app: hostname');
    expect(new Set(hop1.record.authAttempts.map((a) => a.user))).toEqual(new Set(['first']));
    expect(new Set(hop2.record.authAttempts.map((a) => a.user))).toEqual(new Set(['second']));
    expect(hop1.record.forwards).toEqual([{ host: '127.0.0.1', port: hop2.port }]);
    expect(hop2.record.forwards).toEqual([{ host: '127.0.0.1', port: target.port }]);
  });

  it('uses a ProxyCommand (run by /bin/sh -c) as the connection', async () => {
    const key = keyFile('k');
    const target = await server(key.publicKey);
    const relay = `require('net').connect(+process.argv[2], process.argv[1], function () { process.stdin.pipe(this).pipe(process.stdout); })`;
    const host = resolvedTarget(
      `Host target\n  HostName 127.0.0.1\n  Port ${target.port}\n  IdentityFile ${key.path}\n  ProxyCommand ${process.execPath} -e "${relay}" %h %p`,
    );
    expect(await run(host)).toBe('root: hostname');
    expect(target.record.connections).toBe(1);
  });

  it('reports a ProxyCommand that exits as an unreachable host with its last stderr line', async () => {
    const key = keyFile('k');
    const host = resolvedTarget(
      `Host target\n  HostName 127.0.0.1\n  IdentityFile ${key.path}\n  ProxyCommand sh -c 'echo starting >&2; echo no route to %h >&2; exit 7'`,
    );
    const error = (await run(host).catch((e: unknown) => e)) as HfleetError;
    expect(error.code).toBe('SSH_SOCKET');
    expect(error.message).toBe('app: ProxyCommand exited (7): no route to 127.0.0.1');
  });

  it('fails only with the per-host error when the config gave a value hfleet cannot use', async () => {
    const host = resolvedTarget('Host target\n  HostName -oProxyCommand=x\n');
    const error = (await run(host).catch((e: unknown) => e)) as HfleetError;
    expect(error.code).toBe('SSH_CONFIG');
    expect(error.message).toMatch(
      /^app: .*config:2: HostName '-oproxycommand=x' is not an IP address or DNS name$/,
    );
  });
});

describe('an agent-only key chosen by a .pub IdentityFile', () => {
  let agent: TestAgent | undefined;
  let skipReason: string | undefined;

  beforeAll(async () => {
    const packages = await ensureDebianPackages(['openssh-client']);
    if (packages.ok) agent = await startAgent();
    else skipReason = packages.reason;
  });

  afterAll(() => agent?.stop());

  it('logs in with the agent key matching the .pub file, the private key never on disk', async (context) => {
    if (!agent) return context.skip(skipReason);
    const decoy = generateKeyPair();
    const chosen = generateKeyPair();
    agent.add(decoy.privateKey);
    agent.add(chosen.privateKey);
    const pub = join(dir, 'chosen.pub');
    writeFileSync(pub, `${chosen.publicKey}\n`);
    const target = await server(chosen.publicKey);
    const host = resolvedTarget(
      `Host target\n  HostName 127.0.0.1\n  Port ${target.port}\n  IdentityAgent ${agent.socket}\n  IdentityFile ${pub}`,
    );
    expect(await run(host)).toBe('root: hostname');
    expect(target.record.authAttempts.filter((a) => a.method === 'publickey').length).toBeGreaterThan(0);
  });
});
