import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionPool } from '../../../src/transport/pool.js';
import { startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, unusedPort, type Workspace } from './fixtures.js';

let ws: Workspace;
let server: TestSshServer;

beforeEach(async () => {
  ws = makeWorkspace();
  server = await startSshServer({ authorizedKeys: [ws.publicKey], onExec: () => ({ stdout: 'ok' }) });
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
  writeFileSync(ws.knownHosts, `${server.knownHostsLine()}\n`);
});

afterEach(async () => {
  await server.close();
  ws.cleanup();
});

describe('ConnectionPool against a real server', () => {
  it('opens one connection per host for concurrent gets and closes all', async () => {
    const pool = new ConnectionPool();
    const target = targetFor(ws, server.port);
    const [a, b, c] = await Promise.all([pool.get(target), pool.get(target), pool.get(target)]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(server.record.connections).toBe(1);
    expect(pool.size).toBe(1);
    pool.closeAll();
    expect(a?.closed).toBe(true);
    expect(pool.size).toBe(0);
    await expect(pool.get(target)).rejects.toThrow(/closed/);
  });

  it('forgets a failed attempt so a later get retries', async () => {
    const pool = new ConnectionPool();
    const port = await unusedPort();
    const target = { ...targetFor(ws, port), host: 'down-1' };
    await expect(pool.get(target)).rejects.toMatchObject({ code: 'SSH_REFUSED' });
    await expect(pool.get(target)).rejects.toMatchObject({ code: 'SSH_REFUSED' });
    pool.closeAll();
  });
});
