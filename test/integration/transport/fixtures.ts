// Shared setup for transport integration tests: a temp dir with a client key and a target builder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SshSettings } from '../../../src/inventory/types.js';
import type { SshTarget } from '../../../src/transport/types.js';
import { generateKeyPair } from '../../support/ssh-server.js';

/** A temp directory holding a client key pair and a known_hosts path. */
export interface Workspace {
  dir: string;
  identityFile: string;
  publicKey: string;
  knownHosts: string;
  cleanup(): void;
}

// A fresh workspace: `id_ed25519` written 0600, known_hosts not created yet.
export function makeWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'hfleet-transport-'));
  const pair = generateKeyPair();
  const identityFile = join(dir, 'id_ed25519');
  writeFileSync(identityFile, pair.privateKey, { mode: 0o600 });
  return {
    dir,
    identityFile,
    publicKey: pair.publicKey,
    knownHosts: join(dir, 'ssh', 'known_hosts'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// A target for 127.0.0.1:port with the workspace's key and known_hosts.
export function targetFor(ws: Workspace, port: number, ssh: Partial<SshSettings> = {}): SshTarget {
  return {
    host: 'acme-1',
    address: '127.0.0.1',
    ssh: {
      user: 'root',
      port,
      identityFile: ws.identityFile,
      knownHosts: ws.knownHosts,
      hostKeyChecking: 'strict',
      jump: undefined,
      become: false,
      connectTimeout: 5,
      ...ssh,
    },
  };
}

// A local port nothing listens on (bound, then released).
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
