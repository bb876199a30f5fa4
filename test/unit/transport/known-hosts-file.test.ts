import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendKnownHostsLine,
  readKnownHosts,
  serializedForFile,
} from '../../../src/transport/known-hosts-file.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfleet-kh-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('known_hosts file', () => {
  it('reads a missing file as empty', async () => {
    expect(await readKnownHosts(join(dir, 'none'))).toEqual([]);
  });

  it('creates dir 0700 and file 0600, and leaves no temp file behind', async () => {
    const path = join(dir, 'new', 'known_hosts');
    await appendKnownHostsLine(path, 'h ssh-ed25519 AAAA');
    expect(readFileSync(path, 'utf8')).toBe('h ssh-ed25519 AAAA\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, 'new'))).toEqual(['known_hosts']);
  });

  it('keeps an existing file mode and adds a missing final newline', async () => {
    const path = join(dir, 'known_hosts');
    writeFileSync(path, 'a ssh-ed25519 AAAA', { mode: 0o644 });
    await appendKnownHostsLine(path, 'b ssh-ed25519 BBBB');
    expect(readFileSync(path, 'utf8')).toBe('a ssh-ed25519 AAAA\nb ssh-ed25519 BBBB\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('serializes parallel appends to one file so none is lost', async () => {
    const path = join(dir, 'known_hosts');
    const lines = Array.from({ length: 20 }, (_, i) => `h${i} ssh-ed25519 AAAA`);
    await Promise.all(lines.map((line) => serializedForFile(path, () => appendKnownHostsLine(path, line))));
    expect(readFileSync(path, 'utf8').trimEnd().split('\n').sort()).toEqual([...lines].sort());
  });

  it('keeps the queue going after a failed task', async () => {
    const path = join(dir, 'q');
    await expect(serializedForFile(path, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await serializedForFile(path, async () => 42)).toBe(42);
  });
});
