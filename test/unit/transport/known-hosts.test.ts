import { describe, expect, it } from 'vitest';
import { sha256Fingerprint } from '../../../src/transport/host-key-format.js';
import { decideHostKey, type HostKeyContext } from '../../../src/transport/known-hosts.js';

const key = Buffer.from('offered-key');
const ctx: HostKeyContext = {
  host: 'acme-1',
  address: '203.0.113.10',
  port: 22,
  knownHosts: '/k/known_hosts',
  policy: 'strict',
};

describe('decideHostKey', () => {
  it('strict: a match is accepted silently', () => {
    expect(decideHostKey({ kind: 'match', line: 1 }, key, ctx)).toEqual({
      accept: true,
      record: false,
      warning: undefined,
    });
  });

  it('strict: unknown is HOST_KEY_UNKNOWN with how to add it', () => {
    const decision = decideHostKey({ kind: 'unknown' }, key, ctx);
    if (decision.accept) throw new Error('expected a refusal');
    expect(decision.error.code).toBe('HOST_KEY_UNKNOWN');
    expect(decision.error.message).toBe('acme-1 (203.0.113.10): host key not in /k/known_hosts');
    expect(decision.error.hint).toContain('ssh-keyscan -p 22 203.0.113.10 >> /k/known_hosts');
    expect(decision.error.hint).toContain(sha256Fingerprint(key));
  });

  it('mismatch is refused under strict and accept-new, naming the fingerprint and the removal', () => {
    for (const policy of ['strict', 'accept-new'] as const) {
      const decision = decideHostKey({ kind: 'mismatch', lines: [4, 9] }, key, {
        ...ctx,
        port: 2222,
        policy,
      });
      if (decision.accept) throw new Error('expected a refusal');
      expect(decision.error.code).toBe('HOST_KEY_MISMATCH');
      expect(decision.error.message).toBe(
        `acme-1 (203.0.113.10:2222): host key ${sha256Fingerprint(key)} differs from /k/known_hosts line 4, 9`,
      );
      expect(decision.error.hint).toContain("ssh-keygen -R '[203.0.113.10]:2222' -f /k/known_hosts");
    }
  });

  it('a revoked key is refused under every policy but off', () => {
    for (const policy of ['strict', 'accept-new'] as const) {
      const decision = decideHostKey({ kind: 'revoked', line: 2 }, key, { ...ctx, policy });
      expect(decision.accept).toBe(false);
    }
  });

  it('accept-new records an unknown key', () => {
    expect(decideHostKey({ kind: 'unknown' }, key, { ...ctx, policy: 'accept-new' })).toEqual({
      accept: true,
      record: true,
      warning: undefined,
    });
  });

  it('off accepts anything with a loud warning', () => {
    const decision = decideHostKey({ kind: 'mismatch', lines: [1] }, key, { ...ctx, policy: 'off' });
    expect(decision).toMatchObject({ accept: true, record: false });
    if (!decision.accept) throw new Error('expected acceptance');
    expect(decision.warning).toMatch(/^WARNING: host key checking is OFF for acme-1 \(203\.0\.113\.10\)/);
    expect(decision.warning).toContain('MISMATCH');
  });
});
