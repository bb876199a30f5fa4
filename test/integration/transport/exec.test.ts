import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { connect } from '../../../src/transport/connect.js';
import type { Connection } from '../../../src/transport/types.js';
import { type ExecHandler, startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, type Workspace } from './fixtures.js';

let ws: Workspace;
let server: TestSshServer;
let connection: Connection | undefined;

const handler: ExecHandler = (command, stdin) => {
  if (command === 'cat') return { stdout: stdin };
  if (command === 'wc -c') return { stdout: `${stdin.length}\n` };
  if (command.startsWith('exit ')) return { code: Number(command.slice(5)), stderr: 'bye\n' };
  if (command === 'sleep 5') return { delayMs: 5000 };
  if (command === 'crash') return { drop: true };
  if (command === 'killed') return { signal: 'KILL' };
  return { stdout: `ran: ${command}\n` };
};

async function open(become = false): Promise<Connection> {
  connection = await connect(targetFor(ws, server.port, { become }));
  return connection;
}

beforeEach(async () => {
  ws = makeWorkspace();
  server = await startSshServer({ authorizedKeys: [ws.publicKey], onExec: handler });
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
  writeFileSync(ws.knownHosts, `${server.knownHostsLine()}\n`);
});

afterEach(async () => {
  connection?.close();
  connection = undefined;
  await server.close();
  ws.cleanup();
});

describe('exec', () => {
  it('sends stdin, returns stdout and quotes every argument once', async () => {
    const conn = await open();
    expect(await conn.exec(['cat'], { stdin: 'hello\nworld' })).toEqual({
      code: 0,
      signal: undefined,
      stdout: 'hello\nworld',
      stderr: '',
    });
    const quoted = await conn.exec(['echo', "it's a test", '$HOME']);
    expect(quoted.stdout).toBe(`ran: echo 'it'\\''s a test' '$HOME'\n`);
  });

  it('reports non-zero exit codes and stderr, and signals', async () => {
    const conn = await open();
    const failed = await conn.exec(['exit', '3']);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toBe('bye\n');
    const killed = await conn.exec(['killed']);
    expect(killed.code).toBeNull();
    expect(killed.signal).toMatch(/KILL/);
  });

  it('carries 1 MB of stdin intact', async () => {
    const conn = await open();
    const big = Buffer.alloc(1024 * 1024, 'x');
    expect((await conn.exec(['wc', '-c'], { stdin: big })).stdout).toBe(`${big.length}\n`);
  });

  it('runs several commands at once on one connection', async () => {
    const conn = await open();
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => conn.exec(['echo', String(n)])));
    expect(results.map((r) => r.stdout)).toEqual([1, 2, 3, 4, 5].map((n) => `ran: echo ${n}\n`));
    expect(server.record.connections).toBe(1);
  });

  // Their speed (TCP_NODELAY: about 1 ms each, not 40-90 ms) is a benchmark figure, not a test threshold.
  it('runs small sequential commands one after the other on one connection', async () => {
    const conn = await open();
    const execsBefore = server.record.execs.length;
    for (let i = 0; i < 20; i++) expect((await conn.exec(['true'], { stdin: 'x' })).code).toBe(0);
    expect(server.record.execs.length - execsBefore).toBe(20);
    expect(server.record.connections).toBe(1);
  });

  it('prefixes sudo -n -- when become is set', async () => {
    const conn = await open(true);
    await conn.exec(['systemctl', 'restart', 'hub-platform.service']);
    expect(server.record.execs.at(-1)?.command).toBe('sudo -n -- systemctl restart hub-platform.service');
  });

  it('times out a command with SSH_TIMEOUT and keeps the connection usable', async () => {
    const conn = await open();
    const error = await conn.exec(['sleep', '5'], { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HfleetError);
    expect((error as HfleetError).code).toBe('SSH_TIMEOUT');
    expect((error as HfleetError).message).toBe('acme-1: `sleep 5` did not finish within 0.3 s');
    expect((await conn.exec(['echo', 'after'])).stdout).toBe('ran: echo after\n');
  });

  it('turns a connection dropped mid-command into SSH_SOCKET and marks it closed', async () => {
    const conn = await open();
    let closedSeen = false;
    conn.onClose(() => {
      closedSeen = true;
    });
    const error = await conn.exec(['crash']).catch((e: unknown) => e);
    expect((error as HfleetError).code).toBe('SSH_SOCKET');
    expect((error as HfleetError).message).toMatch(/^acme-1: connection lost during `crash`/);
    expect(conn.closed).toBe(true);
    expect(closedSeen).toBe(true);
    const after = await conn.exec(['echo']).catch((e: unknown) => e);
    expect((after as HfleetError).code).toBe('SSH_SOCKET');
  });

  it('counts commands and bytes both ways', async () => {
    const conn = await open();
    await conn.exec(['cat'], { stdin: '12345' });
    await conn.exec(['exit', '1']);
    expect(conn.stats.commands).toBe(2);
    expect(conn.stats.bytesSent).toBe('cat'.length + 5 + 'exit 1'.length);
    expect(conn.stats.bytesReceived).toBe(5 + 'bye\n'.length);
  });

  it('close is idempotent and fails later commands', async () => {
    const conn = await open();
    conn.close();
    conn.close();
    expect(conn.closed).toBe(true);
    await expect(conn.exec(['true'])).rejects.toMatchObject({ code: 'SSH_SOCKET' });
  });

  it('works with a streaming server handler that writes in pieces', async () => {
    const streaming = await startSshServer({
      authorizedKeys: [ws.publicKey],
      onExecStream: (command, channel) => {
        channel.write('part 1, ');
        setTimeout(() => {
          channel.write(`part 2 of ${command}`);
          channel.exit(0);
          channel.end();
        }, 20);
      },
    });
    writeFileSync(ws.knownHosts, `${streaming.knownHostsLine()}\n`);
    const conn = await connect(targetFor(ws, streaming.port));
    try {
      expect((await conn.exec(['stream'])).stdout).toBe('part 1, part 2 of stream');
    } finally {
      conn.close();
      await streaming.close();
    }
  });
});
