import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { connect } from '../../../src/transport/connect.js';
import { startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, unusedPort, type Workspace } from './fixtures.js';

let ws: Workspace;
let target: TestSshServer;
let bastion: TestSshServer;

beforeEach(async () => {
  ws = makeWorkspace();
  target = await startSshServer({
    authorizedKeys: [ws.publicKey],
    onExec: (command, _stdin, user) => ({ stdout: `${user}: ${command}` }),
  });
  bastion = await startSshServer({ authorizedKeys: [ws.publicKey], allowForwarding: true });
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
  writeFileSync(ws.knownHosts, `${target.knownHostsLine()}\n${bastion.knownHostsLine()}\n`);
});

afterEach(async () => {
  await target.close();
  await bastion.close();
  ws.cleanup();
});

describe('jump host', () => {
  it('reaches the target through direct-tcpip on the jump host', async () => {
    const connection = await connect(targetFor(ws, target.port, { jump: `admin@127.0.0.1:${bastion.port}` }));
    try {
      expect((await connection.exec(['hostname'])).stdout).toBe('root: hostname');
      expect(bastion.record.authAttempts.every((a) => a.user === 'admin')).toBe(true);
      expect(bastion.record.forwards).toEqual([{ host: '127.0.0.1', port: target.port }]);
      expect(bastion.record.execs).toEqual([]);
      expect(target.record.execs).toEqual([{ user: 'root', command: 'hostname' }]);
    } finally {
      connection.close();
    }
  });

  it('checks the jump host key with the same policy, before any auth there', async () => {
    writeFileSync(ws.knownHosts, `${target.knownHostsLine()}\n`);
    const error = (await connect(targetFor(ws, target.port, { jump: `127.0.0.1:${bastion.port}` })).catch(
      (e: unknown) => e,
    )) as HfleetError;
    expect(error.code).toBe('HOST_KEY_UNKNOWN');
    expect(error.message).toBe(
      `acme-1 via jump host (127.0.0.1:${bastion.port}): host key not in ${ws.knownHosts}`,
    );
    expect(bastion.record.authAttempts).toEqual([]);
    expect(target.record.connections).toBe(0);
  });

  it('reports a target the jump host cannot reach as SSH_SOCKET naming the jump', async () => {
    const port = await unusedPort();
    const error = (await connect(targetFor(ws, port, { jump: `127.0.0.1:${bastion.port}` })).catch(
      (e: unknown) => e,
    )) as HfleetError;
    expect(error.code).toBe('SSH_SOCKET');
    expect(error.message).toBe(
      `acme-1 (127.0.0.1:${port}) via jump root@127.0.0.1:${bastion.port}: the jump host could not connect (no reason given)`,
    );
    expect(bastion.record.forwards).toEqual([{ host: '127.0.0.1', port }]);
  });

  it('closes the jump connection with the target connection', async () => {
    const connection = await connect(targetFor(ws, target.port, { jump: `127.0.0.1:${bastion.port}` }));
    connection.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await connect(targetFor(ws, target.port, { jump: `127.0.0.1:${bastion.port}` }));
    again.close();
    expect(bastion.record.connections).toBe(2);
  });
});
