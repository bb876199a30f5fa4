import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Fingerprint } from '../../../src/transport/host-key-format.js';
import { judgeHostKey } from '../../../src/transport/known-hosts-match.js';
import { parseKnownHosts } from '../../../src/transport/known-hosts-parse.js';
import { generateKeyPair } from '../../support/ssh-server.js';

const sshKeygen = ['/usr/bin/ssh-keygen', '/bin/ssh-keygen'].find((path) => existsSync(path));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfleet-openssh-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!sshKeygen)('agreement with OpenSSH ssh-keygen', () => {
  it('matches entries hashed by `ssh-keygen -H`, plain and [host]:port', () => {
    const [type, base64] = generateKeyPair().publicKey.split(' ') as [string, string];
    const path = join(dir, 'known_hosts');
    writeFileSync(path, `10.213.1.1 ${type} ${base64}\n[10.213.1.2]:2222 ${type} ${base64}\n`);
    execFileSync(sshKeygen!, ['-H', '-f', path], { stdio: 'ignore' });
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('10.213.1.1');
    const entries = parseKnownHosts(text);
    const key = Buffer.from(base64, 'base64');
    expect(entries.every((entry) => entry.hosts.kind === 'hashed')).toBe(true);
    expect(judgeHostKey(entries, '10.213.1.1', key).kind).toBe('match');
    expect(judgeHostKey(entries, '[10.213.1.2]:2222', key).kind).toBe('match');
    expect(judgeHostKey(entries, '10.213.1.2', key).kind).toBe('unknown');
  });

  it('prints the same SHA256 fingerprint as `ssh-keygen -l`', () => {
    const publicKey = generateKeyPair().publicKey;
    const path = join(dir, 'key.pub');
    writeFileSync(path, `${publicKey}\n`);
    const listed = execFileSync(sshKeygen!, ['-l', '-E', 'sha256', '-f', path], { encoding: 'utf8' });
    const blob = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64');
    expect(listed.split(' ')[1]).toBe(sha256Fingerprint(blob));
  });
});
