// Open a host's run-long remote shell (or a streaming command) over its pooled SSH connection.
import type { Host } from '../inventory/types.js';
import type { ConnectionPool } from '../transport/pool.js';
import type { ShellChannel } from '../transport/shell-channel.js';
import { ShellSession } from './shell-session.js';

/** Opens the run's remote shell on a host (one per host per run). */
export type SessionOpener = (host: Host) => Promise<ShellSession>;

/** Opens a channel running `argv` on a host, for output streamed as it comes (`hfleet logs`). */
export type ChannelOpener = (host: Host, argv: readonly string[]) => Promise<ShellChannel>;

function connectionOf(pool: ConnectionPool, host: Host) {
  return pool.get({ host: host.name, address: host.address, ssh: host.ssh });
}

/**
 * A SessionOpener over a pool: connect, start `sh -s` (behind sudo when become); when that shell ends, the
 * host's connection is closed too, so a large fleet holds at most --forks sockets, not one per host.
 */
export function poolSessionOpener(pool: ConnectionPool): SessionOpener {
  return async (host) => {
    const connection = await connectionOf(pool, host);
    const channel = await connection.openShell(['sh', '-s']);
    channel.onClose(() => connection.close());
    return new ShellSession(channel, host.name);
  };
}

/** A ChannelOpener over a pool: the host's pooled connection runs `argv` (behind sudo when become). */
export function poolChannelOpener(pool: ConnectionPool): ChannelOpener {
  return async (host, argv) => (await connectionOf(pool, host)).openShell(argv);
}
