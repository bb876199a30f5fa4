// What makes one lab host itself, written into its root before boot: name, address, machine id, keys.
import { randomBytes } from 'node:crypto';
import { chmod, chown, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabHostSpec } from './customers.js';

/** The keys a host needs: its own host key pair, and the client key it authorizes. */
export interface HostKeyMaterial {
  hostKeyFile: string;
  clientPublicKey: string;
}

/** The uid and gid of a user in a root's /etc/passwd text, or undefined. */
export function passwdIds(passwd: string, user: string): { uid: number; gid: number } | undefined {
  for (const line of passwd.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === user && fields[2] && fields[3])
      return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  return undefined;
}

/** The /etc/hosts of a lab host. */
export function hostsFile(spec: LabHostSpec): string {
  return `127.0.0.1 localhost\n127.0.1.1 ${spec.name}\n${spec.address} ${spec.name}\n::1 localhost ip6-localhost ip6-loopback\n`;
}

async function writeAs(file: string, text: string, mode: number, owner = { uid: 0, gid: 0 }): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  await chmod(file, mode);
  await chown(file, owner.uid, owner.gid);
}

/** Write the host's identity and keys into its mounted root (directories keep the base's owners and modes). */
export async function writeHostFiles(root: string, spec: LabHostSpec, keys: HostKeyMaterial): Promise<void> {
  const at = (rel: string) => path.join(root, rel);
  await writeAs(at('etc/hostname'), `${spec.name}\n`, 0o644);
  await writeAs(at('etc/hosts'), hostsFile(spec), 0o644);
  await writeAs(at('etc/hflab/address'), `${spec.address}/16\n`, 0o644);
  await writeAs(at('etc/machine-id'), `${randomBytes(16).toString('hex')}\n`, 0o444);
  await copyFile(keys.hostKeyFile, at('etc/ssh/ssh_host_ed25519_key'));
  await chmod(at('etc/ssh/ssh_host_ed25519_key'), 0o600);
  await copyFile(`${keys.hostKeyFile}.pub`, at('etc/ssh/ssh_host_ed25519_key.pub'));
  await chmod(at('etc/ssh/ssh_host_ed25519_key.pub'), 0o644);
  await writeAs(at('root/.ssh/authorized_keys'), `${keys.clientPublicKey}\n`, 0o600);
  const deploy = passwdIds(await readFile(at('etc/passwd'), 'utf8'), 'deploy');
  if (deploy)
    await writeAs(at('home/deploy/.ssh/authorized_keys'), `${keys.clientPublicKey}\n`, 0o600, deploy);
}
