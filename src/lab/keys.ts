// SSH keys of the lab: one client key for every host, one pinned ed25519 host key per host, made before boot.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { runChecked } from './run.js';

/** Create an ed25519 key pair at this path unless one is there (made under a temporary name, then renamed); resolves to the public key line. */
export async function ensureKeyPair(file: string, comment: string): Promise<string> {
  if (!existsSync(file) || !existsSync(`${file}.pub`)) {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await runChecked(['ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', temp]);
    await rename(`${temp}.pub`, `${file}.pub`);
    await rename(temp, file);
  }
  return (await readFile(`${file}.pub`, 'utf8')).trim();
}

/** The known_hosts line pinning a host key to an address (the key's comment dropped). */
export function knownHostsLine(address: string, publicKeyLine: string): string {
  const [type, base64] = publicKeyLine.trim().split(/\s+/);
  if (!type || !base64) throw new Error(`not a public key line: ${publicKeyLine}`);
  return `${address} ${type} ${base64}`;
}

/** The whole known_hosts text for these (address, public key) pairs. */
export function knownHostsText(entries: ReadonlyArray<{ address: string; publicKey: string }>): string {
  return entries.map((entry) => `${knownHostsLine(entry.address, entry.publicKey)}\n`).join('');
}
