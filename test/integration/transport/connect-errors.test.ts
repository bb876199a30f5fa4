import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { connect } from '../../../src/transport/connect.js';
import { generateKeyPair, startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, unusedPort, type Workspace } from './fixtures.js';

let ws: Workspace;
let server: TestSshServer | undefined;

beforeEach(() => {
  ws = makeWorkspace();
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
  ws.cleanup();
});

async function failure(promise: Promise<unknown>): Promise<HfleetError> {
  return (await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  )) as HfleetError;
}

describe('connection failures', () => {
  it('maps a refused port to SSH_REFUSED naming host and address', async () => {
    const port = await unusedPort();
    const error = await failure(connect(targetFor(ws, port)));
    expect(error.code).toBe('SSH_REFUSED');
    expect(error.message).toBe(`acme-1 (127.0.0.1:${port}): connection refused`);
    expect(error.hint).toContain(`port ${port}`);
  });

  it('maps a rejected key to SSH_AUTH naming the user and key file, never the key', async () => {
    server = await startSshServer({ authorizedKeys: [generateKeyPair().publicKey] });
    const error = await failure(connect(targetFor(ws, server.port, { hostKeyChecking: 'off' })));
    expect(error.code).toBe('SSH_AUTH');
    expect(error.message).toBe(`acme-1 (127.0.0.1:${server.port}): authentication failed for user root`);
    expect(error.hint).toContain(`identity file ${ws.identityFile}`);
    expect(error.hint).not.toContain('PRIVATE KEY');
    expect(server.record.authAttempts.some((a) => a.method === 'publickey' && a.user === 'root')).toBe(true);
  });

  it('maps a server refusing all auth to SSH_AUTH', async () => {
    server = await startSshServer({ authorizedKeys: [ws.publicKey], refuseAuth: true });
    await expect(connect(targetFor(ws, server.port, { hostKeyChecking: 'off' }))).rejects.toMatchObject({
      code: 'SSH_AUTH',
    });
  });

  it('maps a server that never speaks SSH to SSH_TIMEOUT after connect_timeout', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const error = await failure(connect(targetFor(ws, port, { connectTimeout: 0.5 })));
      expect(error.code).toBe('SSH_TIMEOUT');
      expect(error.message).toBe(
        `acme-1 (127.0.0.1:${port}): timed out after 0.5 s waiting for the SSH handshake`,
      );
    } finally {
      silent.close();
    }
  });

  it('explains an encrypted identity file without an agent', async () => {
    vi.stubEnv('SSH_AUTH_SOCK', '');
    const encrypted = ssh2.utils.generateKeyPairSync('ed25519', {
      passphrase: 'secret',
      cipher: 'aes256-ctr',
      rounds: 4,
    });
    const path = join(ws.dir, 'id_locked');
    writeFileSync(path, encrypted.private, { mode: 0o600 });
    const error = await failure(connect(targetFor(ws, 22, { identityFile: path })));
    expect(error.code).toBe('SSH_AUTH');
    expect(error.message).toBe(`acme-1: no key to offer (skipped ${path} (encrypted and not in the agent))`);
    expect(error.hint).toContain('ssh-add');
  });

  it('skips a missing identity file as ssh does, and says so when nothing is left to offer', async () => {
    vi.stubEnv('SSH_AUTH_SOCK', '');
    const missing = join(ws.dir, 'nope');
    const error = await failure(connect(targetFor(ws, 22, { identityFile: missing })));
    expect(error.code).toBe('SSH_AUTH');
    expect(error.message).toBe(`acme-1: no key to offer (skipped ${missing} (missing))`);
  });

  it('stops an attempt when the signal aborts', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await failure(connect(targetFor(ws, port), { signal: controller.signal }));
      expect(error.code).toBe('INTERRUPTED');
    } finally {
      silent.close();
    }
  });
});
