// Describe an SSH public key blob the way OpenSSH does: its type and its SHA256 fingerprint (pure).
import { createHash } from 'node:crypto';
import type { ServerHostKeyAlgorithm } from 'ssh2';

/** The key type named at the start of a wire-format public key blob (`ssh-ed25519`, `ssh-rsa`...). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  if (length === 0 || 4 + length > blob.length) return 'unknown';
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** The OpenSSH fingerprint of a key blob: `SHA256:` and unpadded base64 of its SHA-256 digest. */
export function sha256Fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The known_hosts line recording a key for a name: `name key-type base64`. */
export function knownHostsLine(name: string, blob: Buffer): string {
  return `${name} ${keyTypeOf(blob)} ${blob.toString('base64')}`;
}

const DEFAULT_HOST_KEY_ALGORITHMS: readonly ServerHostKeyAlgorithm[] = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
];

/** The host key algorithms to offer, those matching already-known key types first (as OpenSSH does). */
export function preferredHostKeyAlgorithms(knownKeyTypes: readonly string[]): ServerHostKeyAlgorithm[] {
  const preferred = DEFAULT_HOST_KEY_ALGORITHMS.filter((algorithm) =>
    knownKeyTypes.some((type) => type === algorithm || (type === 'ssh-rsa' && algorithm.startsWith('rsa-'))),
  );
  return [...preferred, ...DEFAULT_HOST_KEY_ALGORITHMS.filter((algorithm) => !preferred.includes(algorithm))];
}
