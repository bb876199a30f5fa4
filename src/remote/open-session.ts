// Open a host's run-long remote shell over its pooled SSH connection.
import type { Host } from '../inventory/types.js';
import type { ConnectionPool } from '../transport/pool.js';
import { ShellSession } from './shell-session.js';

/** Opens the run's remote shell on a host (one per host per run). */
export type SessionOpener = (host: Host) => Promise<ShellSession>;

// A SessionOpener over a pool: connect, start `sh -s` (behind sudo when become); when that shell ends, the
// host's connection is closed too, so a large fleet holds at most --forks sockets, not one per host.
export function poolSessionOpener(pool: ConnectionPool): SessionOpener {
  return async (host) => {
    const connection = await pool.get({ host: host.name, address: host.address, ssh: host.ssh });
    const channel = await connection.openShell(['sh', '-s']);
    channel.onClose(() => connection.close());
    return new ShellSession(channel, host.name);
  };
}
