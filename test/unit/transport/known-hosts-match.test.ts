import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  globMatches,
  hostsFieldMatches,
  judgeHostKey,
  knownHostsName,
} from '../../../src/transport/known-hosts-match.js';
import { parseKnownHosts } from '../../../src/transport/known-hosts-parse.js';

const keyA = Buffer.from('key-a-blob');
const keyB = Buffer.from('key-b-blob');
const line = (hosts: string, key: Buffer, marker = '') =>
  `${marker}${hosts} ssh-ed25519 ${key.toString('base64')}`;

describe('knownHostsName', () => {
  it('uses the bare address on port 22 and [address]:port otherwise', () => {
    expect(knownHostsName('10.0.0.1', 22)).toBe('10.0.0.1');
    expect(knownHostsName('10.0.0.1', 2222)).toBe('[10.0.0.1]:2222');
  });
});

describe('globMatches', () => {
  it.each([
    ['*.lab', 'a.lab', true],
    ['*.lab', 'a.lab.org', false],
    ['10.0.0.?', '10.0.0.7', true],
    ['10.0.0.?', '10.0.0.17', false],
    ['[10.0.0.*]:2222', '[10.0.0.5]:2222', true],
    ['Host-A', 'host-a', true],
    ['a+b', 'aab', false],
  ])('%s vs %s -> %s', (pattern, name, expected) => {
    expect(globMatches(pattern, name)).toBe(expected);
  });
});

describe('hostsFieldMatches', () => {
  it('applies negations over positive patterns', () => {
    const patterns = { kind: 'patterns' as const, patterns: ['10.0.0.*', '!10.0.0.9'] };
    expect(hostsFieldMatches(patterns, '10.0.0.1')).toBe(true);
    expect(hostsFieldMatches(patterns, '10.0.0.9')).toBe(false);
    expect(hostsFieldMatches({ kind: 'patterns', patterns: ['!10.0.0.9'] }, '10.0.0.1')).toBe(false);
  });

  it('checks hashed names with HMAC-SHA1 keyed by the salt', () => {
    const salt = Buffer.from('0123456789abcdefghij');
    const hash = createHmac('sha1', salt).update('[10.0.0.1]:2222').digest();
    expect(hostsFieldMatches({ kind: 'hashed', salt, hash }, '[10.0.0.1]:2222')).toBe(true);
    expect(hostsFieldMatches({ kind: 'hashed', salt, hash }, '10.0.0.1')).toBe(false);
  });
});

describe('judgeHostKey', () => {
  it('finds a match among several lines for the host', () => {
    const entries = parseKnownHosts([line('10.0.0.1', keyB), line('other,10.0.0.1', keyA)].join('\n'));
    expect(judgeHostKey(entries, '10.0.0.1', keyA)).toEqual({ kind: 'match', line: 2 });
  });

  it('reports a mismatch with the lines that name the host', () => {
    const entries = parseKnownHosts([line('10.0.0.2', keyA), line('10.0.0.1', keyB)].join('\n'));
    expect(judgeHostKey(entries, '10.0.0.1', keyA)).toEqual({ kind: 'mismatch', lines: [2] });
  });

  it('reports unknown when no line names the host', () => {
    const entries = parseKnownHosts(line('10.0.0.2', keyA));
    expect(judgeHostKey(entries, '10.0.0.1', keyA)).toEqual({ kind: 'unknown' });
  });

  it('lets a revoked key win over a matching line', () => {
    const entries = parseKnownHosts([line('10.0.0.1', keyA), line('*', keyA, '@revoked ')].join('\n'));
    expect(judgeHostKey(entries, '10.0.0.1', keyA)).toEqual({ kind: 'revoked', line: 2 });
  });

  it('ignores @cert-authority lines', () => {
    const entries = parseKnownHosts(line('10.0.0.1', keyB, '@cert-authority '));
    expect(judgeHostKey(entries, '10.0.0.1', keyA)).toEqual({ kind: 'unknown' });
  });
});
