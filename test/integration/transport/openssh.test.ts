// The OpenSSH transport against an in-process SSH server: the system ssh carries exec and the run-long shell
// over one master connection, host keys checked, BatchMode.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { ShellSession } from '../../../src/remote/shell-session.js';
import { connect } from '../../../src/transport/connect.js';
import { ensureDebianPackages } from '../../support/debian-packages.js';
import { startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, type Workspace } from './fixtures.js';

let ws: Workspace;
let server: TestSshServer;
let skipReason: string | undefined;

beforeAll(async () => {
  const packages = await ensureDebianPackages(['openssh-client']);
  if (!packages.ok) skipReason = packages.reason;
});

beforeEach(async () => {
  ws = makeWorkspace();
  server = await startSshServer({
    authorizedKeys: [ws.publicKey],
    onExec: (command, stdin, user) => ({ stdout: `${user}: ${command} <${stdin.toString()}>`, code: 3 }),
  });
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
});

afterEach(async () => {
  await server.close();
  ws.cleanup();
});

describe('OpenSSH transport', () => {
  it('carries the run-long remote shell: scripts run in order, one round trip each', async (context) => {
    if (skipReason) return context.skip(skipReason);
    await server.close();
    server = await startSshServer({
      authorizedKeys: [ws.publicKey],
      onExecStream: (_command, channel) => {
        const shell = spawn('/bin/sh', ['-s'], { stdio: ['pipe', 'pipe', 'pipe'] });
        channel.pipe(shell.stdin);
        shell.stdout.pipe(channel, { end: false });
        shell.stderr.pipe(channel.stderr, { end: false });
        shell.on('close', (code) => {
          channel.exit(code ?? 1);
          channel.end();
        });
      },
    });
    writeFileSync(ws.knownHosts, `${server.knownHostsLine()}\n`);
    const connection = await connect(targetFor(ws, server.port, { transport: 'openssh' }));
    try {
      const session = new ShellSession(await connection.openShell(['sh', '-s']), 'acme-1');
      const first = await session.run('x=41; echo one', { timeoutMs: 10_000, what: 'first' });
      const second = await session.run('echo $((x + 1)); echo err >&2; false', {
        timeoutMs: 10_000,
        what: 'second',
      });
      expect(first).toEqual({ stdout: 'one\n', stderr: '', status: 0 });
      expect(second).toEqual({ stdout: '42\n', stderr: 'err\n', status: 1 });
      session.end();
    } finally {
      connection.close();
    }
  });

  it('runs commands with stdin through the system ssh, one master connection for all', async (context) => {
    if (skipReason) return context.skip(skipReason);
    writeFileSync(ws.knownHosts, `${server.knownHostsLine()}\n`);
    const connection = await connect(targetFor(ws, server.port, { transport: 'openssh' }));
    try {
      const result = await connection.exec(['echo', 'a b'], { stdin: 'in' });
      expect(result).toMatchObject({ code: 3, stdout: "root: echo 'a b' <in>" });
      await connection.exec(['true']);
      expect(server.record.connections).toBe(1);
    } finally {
      connection.close();
    }
  });

  it('refuses an unknown host key under strict checking, before any command', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const error = (await connect(targetFor(ws, server.port, { transport: 'openssh' })).catch(
      (e: unknown) => e,
    )) as HfleetError;
    expect(error.code).toBe('HOST_KEY_UNKNOWN');
    expect(server.record.execs).toEqual([]);
  });
});
