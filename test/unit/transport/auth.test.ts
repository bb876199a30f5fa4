import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planAuth } from '../../../src/transport/auth.js';
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

describe('planAuth', () => {
  it('uses the identity file when set, even with an agent', async () => {
    const path = writeKey('deploy_key');
    const plan = await planAuth('acme-1', 'root', path, { agentSocket: '/run/agent.sock', home });
    expect(plan.tried).toEqual([`identity file ${path}`]);
    expect(plan.attempts).toMatchObject([{ type: 'publickey', username: 'root' }]);
  });

  it('falls back to the agent for an encrypted identity file', async () => {
    const locked = ssh2.utils.generateKeyPairSync('ed25519', {
      passphrase: 'pw',
      cipher: 'aes256-ctr',
      rounds: 4,
    });
    const path = writeKey('locked', locked.private);
    const plan = await planAuth('acme-1', 'root', path, { agentSocket: '/run/agent.sock', home });
    expect(plan.attempts).toEqual([{ type: 'agent', username: 'root', agent: '/run/agent.sock' }]);
    expect(plan.tried[0]).toContain('is encrypted');
  });

  it('rejects a file that is not a key as SSH_CONFIG', async () => {
    const path = writeKey('junk', 'not a key');
    await expect(planAuth('acme-1', 'root', path, { agentSocket: undefined, home })).rejects.toMatchObject({
      code: 'SSH_CONFIG',
    });
  });

  it('uses the agent when no identity file is set', async () => {
    writeKey('id_ed25519');
    const plan = await planAuth('acme-1', 'deploy', undefined, { agentSocket: '/run/agent.sock', home });
    expect(plan.tried).toEqual(['ssh-agent']);
  });

  it('tries the default keys present, in order, skipping unusable ones', async () => {
    const rsa = writeKey('id_rsa');
    const ed = writeKey('id_ed25519');
    writeKey('id_ecdsa', 'garbage');
    const plan = await planAuth('acme-1', 'root', undefined, { agentSocket: undefined, home });
    expect(plan.tried).toEqual([`identity file ${ed}`, `identity file ${rsa}`]);
  });

  it('returns an empty plan when nothing is found', async () => {
    expect(await planAuth('acme-1', 'root', undefined, { agentSocket: undefined, home })).toEqual({
      attempts: [],
      tried: [],
    });
  });
});
