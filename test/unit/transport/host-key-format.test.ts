import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  keyTypeOf,
  knownHostsLine,
  preferredHostKeyAlgorithms,
  sha256Fingerprint,
} from '../../../src/transport/host-key-format.js';

function blob(type: string, body: string): Buffer {
  const name = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return Buffer.concat([length, name, Buffer.from(body)]);
}

describe('host key formatting', () => {
  it('reads the key type from the blob', () => {
    expect(keyTypeOf(blob('ssh-ed25519', 'xyz'))).toBe('ssh-ed25519');
    expect(keyTypeOf(Buffer.from([0, 0, 0, 99, 1]))).toBe('unknown');
    expect(keyTypeOf(Buffer.alloc(2))).toBe('unknown');
  });

  it('fingerprints like ssh-keygen -l: SHA256 and unpadded base64', () => {
    const key = blob('ssh-ed25519', 'abc');
    const expected = createHash('sha256').update(key).digest('base64').replace(/=+$/, '');
    expect(sha256Fingerprint(key)).toBe(`SHA256:${expected}`);
    expect(sha256Fingerprint(key)).not.toContain('=');
  });

  it('writes a known_hosts line', () => {
    const key = blob('ssh-rsa', 'k');
    expect(knownHostsLine('[10.0.0.1]:2222', key)).toBe(`[10.0.0.1]:2222 ssh-rsa ${key.toString('base64')}`);
  });

  it('offers the algorithms of already-known key types first', () => {
    expect(preferredHostKeyAlgorithms([])[0]).toBe('ssh-ed25519');
    expect(preferredHostKeyAlgorithms(['ssh-rsa']).slice(0, 3)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-rsa',
    ]);
    expect(preferredHostKeyAlgorithms(['ecdsa-sha2-nistp256'])[0]).toBe('ecdsa-sha2-nistp256');
    expect(preferredHostKeyAlgorithms(['ssh-rsa'])).toHaveLength(7);
  });
});
