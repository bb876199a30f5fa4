import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HfleetError } from '../../../src/errors.js';
import { connect } from '../../../src/transport/connect.js';
import { sha256Fingerprint } from '../../../src/transport/host-key-format.js';
import type { Connection } from '../../../src/transport/types.js';
import { generateKeyPair, startSshServer, type TestSshServer } from '../../support/ssh-server.js';
import { makeWorkspace, targetFor, type Workspace } from './fixtures.js';

let ws: Workspace;
let server: TestSshServer;
const opened: Connection[] = [];

function writeKnownHosts(text: string): void {
  mkdirSync(dirname(ws.knownHosts), { recursive: true });
  writeFileSync(ws.knownHosts, text);
}

function hashedName(name: string): string {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(name).digest();
  return `|1|${salt.toString('base64')}|${hash.toString('base64')}`;
}

async function attempt(policy: 'strict' | 'accept-new' | 'off', onWarning?: (m: string) => void) {
  const connection = await connect(targetFor(ws, server.port, { hostKeyChecking: policy }), { onWarning });
  opened.push(connection);
  return connection;
}

beforeEach(async () => {
  ws = makeWorkspace();
  server = await startSshServer({ authorizedKeys: [ws.publicKey], onExec: () => ({ stdout: 'ok' }) });
});

afterEach(async () => {
  for (const connection of opened.splice(0)) connection.close();
  await server.close();
  ws.cleanup();
});

describe('strict host key checking', () => {
  it('refuses an unknown host before any auth or command', async () => {
    const error = (await attempt('strict').catch((e: unknown) => e)) as HfleetError;
    expect(error.code).toBe('HOST_KEY_UNKNOWN');
    expect(error.message).toBe(`acme-1 (127.0.0.1:${server.port}): host key not in ${ws.knownHosts}`);
    expect(error.hint).toContain(`ssh-keyscan -p ${server.port} 127.0.0.1`);
    expect(error.hint).toContain('accept-new');
    expect(server.record.authAttempts).toEqual([]);
    expect(server.record.execs).toEqual([]);
  });

  it('refuses a different key as HOST_KEY_MISMATCH naming the offered fingerprint', async () => {
    const other = generateKeyPair().publicKey.split(' ');
    writeKnownHosts(`# fleet\n\n[127.0.0.1]:${server.port} ${other[0]} ${other[1]}\n`);
    const error = (await attempt('strict').catch((e: unknown) => e)) as HfleetError;
    expect(error.code).toBe('HOST_KEY_MISMATCH');
    expect(error.message).toContain(sha256Fingerprint(server.hostKeyBlob));
    expect(error.message).toContain('line 3');
    expect(error.hint).toMatch(/man-in-the-middle/);
    expect(error.hint).toContain(`ssh-keygen -R '[127.0.0.1]:${server.port}'`);
    expect(server.record.authAttempts).toEqual([]);
  });

  it('accepts the [127.0.0.1]:PORT form and runs commands', async () => {
    writeKnownHosts(`${server.knownHostsLine()}\n`);
    const connection = await attempt('strict');
    expect((await connection.exec(['true'])).stdout).toBe('ok');
  });

  it('does not take a plain 127.0.0.1 entry for a non-22 port', async () => {
    writeKnownHosts(`${server.knownHostsLine('127.0.0.1')}\n`);
    await expect(attempt('strict')).rejects.toMatchObject({ code: 'HOST_KEY_UNKNOWN' });
  });

  it('accepts hashed entries and glob patterns', async () => {
    writeKnownHosts(`${server.knownHostsLine(hashedName(`[127.0.0.1]:${server.port}`))}\n`);
    await attempt('strict');
    writeKnownHosts(`${server.knownHostsLine('[127.0.0.*]:*,!10.0.0.1')}\n`);
    await attempt('strict');
  });

  it('refuses a revoked key even when another line accepts it', async () => {
    const line = server.knownHostsLine();
    writeKnownHosts(`${line}\n@revoked * ${line.split(' ').slice(1).join(' ')}\n`);
    const error = (await attempt('strict').catch((e: unknown) => e)) as HfleetError;
    expect(error.code).toBe('HOST_KEY_MISMATCH');
    expect(error.message).toMatch(/revoked/);
  });

  it('ignores @cert-authority lines without crashing', async () => {
    writeKnownHosts(
      `@cert-authority *.example.com ${server.knownHostsLine().split(' ').slice(1).join(' ')}\n`,
    );
    await expect(attempt('strict')).rejects.toMatchObject({ code: 'HOST_KEY_UNKNOWN' });
  });
});

describe('accept-new', () => {
  it('records an unknown key (0600 file, 0700 dir) and a later strict connect passes', async () => {
    await attempt('accept-new');
    const text = readFileSync(ws.knownHosts, 'utf8');
    expect(text).toBe(`${server.knownHostsLine()}\n`);
    expect(statSync(ws.knownHosts).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(ws.knownHosts)).mode & 0o777).toBe(0o700);
    const again = await attempt('strict');
    expect((await again.exec(['true'])).stdout).toBe('ok');
  });

  it('still refuses a mismatch and leaves the file alone', async () => {
    const other = generateKeyPair().publicKey.split(' ');
    const text = `[127.0.0.1]:${server.port} ${other[0]} ${other[1]}`;
    writeKnownHosts(text);
    await expect(attempt('accept-new')).rejects.toMatchObject({ code: 'HOST_KEY_MISMATCH' });
    expect(readFileSync(ws.knownHosts, 'utf8')).toBe(text);
  });

  it('appends after a file without a final newline, parallel connects each add one line', async () => {
    writeKnownHosts('# mine');
    const second = await startSshServer({ authorizedKeys: [ws.publicKey] });
    try {
      const both = await Promise.all([
        connect(targetFor(ws, second.port, { hostKeyChecking: 'accept-new' })),
        attempt('accept-new'),
      ]);
      opened.push(both[0]);
      const lines = readFileSync(ws.knownHosts, 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('# mine');
      expect(lines.slice(1).sort()).toEqual([server.knownHostsLine(), second.knownHostsLine()].sort());
    } finally {
      await second.close();
    }
  });
});

describe('off', () => {
  it('accepts any key and warns loudly, once', async () => {
    const warnings: string[] = [];
    const connection = await attempt('off', (message) => warnings.push(message));
    await connection.exec(['true']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: host key checking is OFF for acme-1/);
    expect(warnings[0]).toContain(sha256Fingerprint(server.hostKeyBlob));
  });
});
