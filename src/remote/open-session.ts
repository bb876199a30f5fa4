// Open a host's run-long remote shell over its pooled SSH connection.
import type { Host } from '../inventory/types.js';
import type { ConnectionPool } from '../transport/pool.js';
import { ShellSession } from './shell-session.js';

/** Opens the run's remote shell on a host (one per host per run). */
export type SessionOpener = (host: Host) => Promise<ShellSession>;

// A SessionOpener over a pool: connect (once per host), then start `sh -s` (behind sudo when become).
export function poolSessionOpener(pool: ConnectionPool): SessionOpener {
  return async (host) => {
    const connection = await pool.get({ host: host.name, address: host.address, ssh: host.ssh });
    const channel = await connection.openShell(['sh', '-s']);
    return new ShellSession(channel, host.name);
  };
}
