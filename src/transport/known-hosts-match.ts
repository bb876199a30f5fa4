// Decide which known_hosts entries are for a host and what they say about the key it offered (pure).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KnownHostsEntry, KnownHostsHosts } from './known-hosts-parse.js';

/** What known_hosts says about a host's offered key. */
export type HostKeyVerdict =
  | { kind: 'match'; line: number }
  | { kind: 'revoked'; line: number }
  | { kind: 'mismatch'; lines: number[] }
  | { kind: 'unknown' };

/** The name a host is recorded under: `address`, or `[address]:port` for a port other than 22. */
export function knownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

/** True when a glob (`*`, `?`) matches a host name, case-insensitively. */
export function globMatches(pattern: string, name: string): boolean {
  const source = pattern
    .toLowerCase()
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(name.toLowerCase());
}

/** True when an entry's host field covers the name (hashed: HMAC-SHA1 of the name keyed by the salt). */
export function hostsFieldMatches(hosts: KnownHostsHosts, name: string): boolean {
  if (hosts.kind === 'hashed') {
    const digest = createHmac('sha1', hosts.salt).update(name).digest();
    return digest.length === hosts.hash.length && timingSafeEqual(digest, hosts.hash);
  }
  let positive = false;
  for (const pattern of hosts.patterns) {
    if (pattern.startsWith('!')) {
      if (globMatches(pattern.slice(1), name)) return false;
    } else if (globMatches(pattern, name)) {
      positive = true;
    }
  }
  return positive;
}

/** The verdict for a key offered by `name`: a revoked key anywhere wins, then a match, then a mismatch. */
export function judgeHostKey(entries: readonly KnownHostsEntry[], name: string, key: Buffer): HostKeyVerdict {
  const revoked = entries.find((entry) => entry.marker === 'revoked' && entry.key.equals(key));
  if (revoked) return { kind: 'revoked', line: revoked.line };
  const forHost = entries.filter(
    (entry) => entry.marker === undefined && hostsFieldMatches(entry.hosts, name),
  );
  const match = forHost.find((entry) => entry.key.equals(key));
  if (match) return { kind: 'match', line: match.line };
  if (forHost.length > 0) return { kind: 'mismatch', lines: forHost.map((entry) => entry.line) };
  return { kind: 'unknown' };
}
