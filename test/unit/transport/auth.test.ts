import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SshSettings } from '../../../src/inventory/types.js';
import { agentSocketOf, planAuth } from '../../../src/transport/auth.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { startAgent, type TestAgent } from '../../support/ssh-agent.js';
import { generateKeyPair } from '../../support/ssh-server.js';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hfleet-auth-'));
  mkdirSync(join(home, '.ssh'));
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeKey(name: string, text = generateKeyPair().privateKey): string {
  const path = join(home, '.ssh', name);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

function settings(ssh: Partial<SshSettings> = {}): SshSettings {
  return {
    user: 'root',
    port: 22,
    identityFile: undefined,
    knownHosts: join(home, 'known_hosts'),
    hostKeyChecking: 'strict',
    jump: undefined,
    become: false,
    connectTimeout: 5,
    ...ssh,
  };
}

const NO_AGENT = () => ({ agentSocket: undefined, home });

describe('planAuth without an agent', () => {
  it('offers the identity files in order, skipping a missing one and a file that is not a key', async () => {
    const first = writeKey('first');
    const junk = writeKey('junk', 'not a key');
    const last = writeKey('last');
    const missing = join(home, '.ssh', 'missing');
    const plan = await planAuth(settings({ identityFiles: [missing, first, junk, last] }), NO_AGENT());
    expect(plan.tried).toEqual([`identity file ${first}`, `identity file ${last}`]);
    expect(plan.attempts).toMatchObject([{ type: 'publickey', username: 'root' }, { type: 'publickey' }]);
    expect(plan.skipped).toEqual([
      `${missing} (missing)`,
      expect.stringContaining(`${junk} (not a usable private key`),
    ]);
  });

  it('skips an encrypted key the agent does not hold, saying why', async () => {
    const locked = ssh2.utils.generateKeyPairSync('ed25519', {
      passphrase: 'pw',
      cipher: 'aes256-ctr',
      rounds: 4,
    });
    const path = writeKey('locked', locked.private);
    const plan = await planAuth(settings({ identityFile: path }), NO_AGENT());
    expect(plan.attempts).toEqual([]);
    expect(plan.skipped).toEqual([`${path} (encrypted and not in the agent)`]);
  });

  it("tries ssh's default keys present, in ssh's order", async () => {
    const ed = writeKey('id_ed25519');
    const rsa = writeKey('id_rsa');
    writeKey('id_ecdsa', 'garbage');
    const plan = await planAuth(settings(), NO_AGENT());
    expect(plan.tried).toEqual([`identity file ${rsa}`, `identity file ${ed}`]);
    expect(plan.skipped).toEqual([]);
  });

  it('reads IdentityAgent as ssh does: none, SSH_AUTH_SOCK, $VAR, a path', () => {
    const env = { agentSocket: '/run/env.sock', home, env: { OTHER: '/run/other.sock' } };
    expect(agentSocketOf(settings(), env)).toBe('/run/env.sock');
    expect(agentSocketOf(settings({ identityAgent: 'none' }), env)).toBeUndefined();
    expect(agentSocketOf(settings({ identityAgent: 'SSH_AUTH_SOCK' }), env)).toBe('/run/env.sock');
    expect(agentSocketOf(settings({ identityAgent: '$OTHER' }), env)).toBe('/run/other.sock');
    expect(agentSocketOf(settings({ identityAgent: '/run/1p.sock' }), env)).toBe('/run/1p.sock');
  });
});

describe('planAuth with a real ssh-agent', () => {
  let agent: TestAgent | undefined;
  let skipReason: string | undefined;
  const held = generateKeyPair();
  const other = generateKeyPair();

  beforeAll(async () => {
    const packages = await ensureDebianPackages(['openssh-client']);
    if (!packages.ok) {
      skipReason = packages.reason;
      return;
    }
    agent = await startAgent();
    agent.add(other.privateKey);
    agent.add(held.privateKey);
  });

  afterAll(() => agent?.stop());

  it('a *.pub IdentityFile selects that key in the agent, first; the other agent keys follow', async (context) => {
    if (skipReason || !agent) return context.skip(skipReason);
    const pub = writeKey('held.pub', `${held.publicKey}\n`);
    const plan = await planAuth(settings({ identityFiles: [pub] }), { agentSocket: agent.socket, home });
    expect(plan.tried[0]).toBe(`ssh-agent key of ${pub}`);
    expect(plan.tried).toHaveLength(2);
    expect(plan.attempts.every((attempt) => attempt.type === 'agent')).toBe(true);
  });

  it('IdentitiesOnly offers only the identity files, IdentityAgent none no agent key at all', async (context) => {
    if (skipReason || !agent) return context.skip(skipReason);
    const pub = writeKey('held.pub', `${held.publicKey}\n`);
    const only = await planAuth(settings({ identityFiles: [pub], identitiesOnly: true }), {
      agentSocket: agent.socket,
      home,
    });
    expect(only.tried).toEqual([`ssh-agent key of ${pub}`]);
    const none = await planAuth(settings({ identityFiles: [pub], identityAgent: 'none' }), {
      agentSocket: agent.socket,
      home,
    });
    expect(none.attempts).toEqual([]);
    expect(none.skipped).toEqual([`${pub} (not in the agent)`]);
  });
});
