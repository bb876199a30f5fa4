import { describe, expect, it } from 'vitest';
import { knownHostsLine, knownHostsText } from '../../../src/lab/keys.js';

describe('lab known_hosts', () => {
  it('pins a key to the address, without the comment', () => {
    expect(knownHostsLine('10.213.1.1', 'ssh-ed25519 AAAAC3Nza acme-1\n')).toBe(
      '10.213.1.1 ssh-ed25519 AAAAC3Nza',
    );
    expect(() => knownHostsLine('10.213.1.1', 'garbage')).toThrow();
  });

  it('writes one line per host', () => {
    const text = knownHostsText([
      { address: '10.213.1.1', publicKey: 'ssh-ed25519 AAA a' },
      { address: '10.213.1.2', publicKey: 'ssh-ed25519 BBB b' },
    ]);
    expect(text).toBe('10.213.1.1 ssh-ed25519 AAA\n10.213.1.2 ssh-ed25519 BBB\n');
  });
});
