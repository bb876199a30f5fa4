import { describe, expect, it } from 'vitest';
import { parseKnownHosts } from '../../../src/transport/known-hosts-parse.js';

const KEY = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';

describe('parseKnownHosts', () => {
  it('reads plain, bracketed, hashed and marked lines, skipping comments and blanks', () => {
    const text = [
      '# comment',
      '',
      `host-a,10.0.0.1 ssh-ed25519 ${KEY} user@laptop`,
      `[10.0.0.2]:2222 ssh-ed25519 ${KEY}`,
      `|1|c2FsdHNhbHRzYWx0c2FsdHNhbHQ=|aGFzaGhhc2hoYXNoaGFzaGhhc2g= ssh-ed25519 ${KEY}`,
      `@revoked * ssh-ed25519 ${KEY}`,
      `@cert-authority *.example.com ssh-ed25519 ${KEY}`,
      `  !bad,*.lab   ecdsa-sha2-nistp256 ${KEY}  `,
    ].join('\n');
    const entries = parseKnownHosts(text);
    expect(entries.map((e) => [e.line, e.marker, e.keyType])).toEqual([
      [3, undefined, 'ssh-ed25519'],
      [4, undefined, 'ssh-ed25519'],
      [5, undefined, 'ssh-ed25519'],
      [6, 'revoked', 'ssh-ed25519'],
      [7, 'cert-authority', 'ssh-ed25519'],
      [8, undefined, 'ecdsa-sha2-nistp256'],
    ]);
    expect(entries[0]?.hosts).toEqual({ kind: 'patterns', patterns: ['host-a', '10.0.0.1'] });
    expect(entries[1]?.hosts).toEqual({ kind: 'patterns', patterns: ['[10.0.0.2]:2222'] });
    expect(entries[2]?.hosts.kind).toBe('hashed');
    expect(entries[5]?.hosts).toEqual({ kind: 'patterns', patterns: ['!bad', '*.lab'] });
    expect(entries[0]?.key).toEqual(Buffer.from(KEY, 'base64'));
  });

  it('skips malformed lines instead of failing', () => {
    const text = [
      'only-a-host',
      'host ssh-ed25519',
      'host ssh-ed25519 not*base64',
      `@unknown host ssh-ed25519 ${KEY}`,
      `|2|abc|def ssh-ed25519 ${KEY}`,
      `|1|onlysalt ssh-ed25519 ${KEY}`,
      `host ssh-ed25519 ${KEY}`,
    ].join('\r\n');
    const entries = parseKnownHosts(text);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.line).toBe(7);
  });
});
