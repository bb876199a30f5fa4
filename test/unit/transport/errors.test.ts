import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { type ConnectionErrorContext, mapSshError } from '../../../src/transport/errors.js';

const ctx: ConnectionErrorContext = {
  host: 'acme-1',
  address: '10.213.1.1',
  port: 22,
  user: 'deploy',
  authTried: ['identity file /home/me/.ssh/id_ed25519'],
  connectTimeout: 10,
};

function sshError(message: string, props: { level?: string; code?: string }): Error {
  return Object.assign(new Error(message), props);
}

const table: Array<[string, Error, string, string]> = [
  [
    'auth',
    sshError('All configured authentication methods failed', { level: 'client-authentication' }),
    'SSH_AUTH',
    'authentication failed for user deploy',
  ],
  [
    'handshake timeout',
    sshError('Timed out while waiting for handshake', { level: 'client-timeout' }),
    'SSH_TIMEOUT',
    'timed out after 10 s waiting for the SSH handshake',
  ],
  [
    'keepalive',
    sshError('Keepalive timeout', { level: 'client-timeout' }),
    'SSH_TIMEOUT',
    'connection timed out (no answer to keepalives)',
  ],
  [
    'dns level',
    sshError("Error while looking up IPv4 address for 'x'", { level: 'client-dns' }),
    'SSH_DNS',
    'cannot resolve 10.213.1.1',
  ],
  [
    'ENOTFOUND',
    sshError('getaddrinfo ENOTFOUND x', { level: 'client-socket', code: 'ENOTFOUND' }),
    'SSH_DNS',
    'cannot resolve 10.213.1.1',
  ],
  [
    'EAI_AGAIN',
    sshError('getaddrinfo EAI_AGAIN x', { level: 'client-socket', code: 'EAI_AGAIN' }),
    'SSH_DNS',
    'cannot resolve 10.213.1.1',
  ],
  [
    'ECONNREFUSED',
    sshError('connect ECONNREFUSED', { level: 'client-socket', code: 'ECONNREFUSED' }),
    'SSH_REFUSED',
    'connection refused',
  ],
  [
    'ETIMEDOUT',
    sshError('connect ETIMEDOUT', { level: 'client-socket', code: 'ETIMEDOUT' }),
    'SSH_TIMEOUT',
    'timed out after 10 s waiting for the SSH handshake',
  ],
  [
    'EHOSTUNREACH',
    sshError('connect EHOSTUNREACH', { level: 'client-socket', code: 'EHOSTUNREACH' }),
    'SSH_SOCKET',
    'host unreachable',
  ],
  [
    'ENETUNREACH',
    sshError('connect ENETUNREACH', { level: 'client-socket', code: 'ENETUNREACH' }),
    'SSH_SOCKET',
    'host unreachable',
  ],
  [
    'ECONNRESET',
    sshError('read ECONNRESET', { level: 'client-socket', code: 'ECONNRESET' }),
    'SSH_SOCKET',
    'connection reset',
  ],
  [
    'protocol',
    sshError('Connection lost before handshake\nmore', { level: 'protocol' }),
    'SSH_SOCKET',
    'connection failed: Connection lost before handshake',
  ],
  ['not an Error', 'weird' as unknown as Error, 'SSH_SOCKET', 'connection failed: weird'],
];

describe('mapSshError', () => {
  it.each(table)('%s', (_name, error, code, what) => {
    const mapped = mapSshError(error, ctx);
    expect(mapped).toBeInstanceOf(HfleetError);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toBe(`acme-1 (10.213.1.1:22): ${what}`);
    expect(mapped.message).not.toContain('\n');
    expect(mapped.hint).toBeTruthy();
    expect(mapped.cause).toBe(error);
  });

  it('names the user and key tried in the auth hint', () => {
    const mapped = mapSshError(sshError('x', { level: 'client-authentication' }), ctx);
    expect(mapped.hint).toContain('identity file /home/me/.ssh/id_ed25519');
    expect(mapped.hint).toContain('~deploy/.ssh/authorized_keys');
  });

  it('says when no credentials were found', () => {
    const mapped = mapSshError(sshError('x', { level: 'client-authentication' }), { ...ctx, authTried: [] });
    expect(mapped.hint).toContain('no key or agent found');
  });

  it('names the jump host when there is one', () => {
    const mapped = mapSshError(sshError('x', { code: 'ECONNREFUSED' }), {
      ...ctx,
      via: 'jump root@bastion:22',
    });
    expect(mapped.message).toBe('acme-1 (10.213.1.1:22) via jump root@bastion:22: connection refused');
  });

  it('passes an HfleetError through unchanged', () => {
    const original = new HfleetError('HOST_KEY_UNKNOWN', 'acme-1: unknown');
    expect(mapSshError(original, ctx)).toBe(original);
  });
});
