// The SSH side of a command: connections opened lazily, one remote shell per host, all closed at the end.
import {
  type ChannelOpener,
  poolChannelOpener,
  poolSessionOpener,
  type SessionOpener,
} from '../remote/open-session.js';
import { ConnectionPool } from '../transport/pool.js';

/** How the connections of a run report and end. */
export interface HostSessionOptions {
  /** Loud warnings (host key checking off); default: `warning: ...` on stderr. */
  onWarning?: ((message: string) => void) | undefined;
  /** Quiet per-host connection notes (`-v`): a ProxyCommand's stderr, identity files skipped. */
  onLog?: ((line: string) => void) | undefined;
  /** Aborting closes every connection. */
  signal?: AbortSignal | undefined;
}

/**
 * Run `work` with openers of host sessions (and of streaming channels); every connection it opened is closed
 * when it ends, however it ends, or as soon as `signal` aborts.
 */
export async function withHostSessions<T>(
  work: (openSession: SessionOpener, openChannel: ChannelOpener) => Promise<T>,
  options: HostSessionOptions = {},
): Promise<T> {
  const {
    onWarning = (message: string) => process.stderr.write(`warning: ${message}\n`),
    onLog,
    signal,
  } = options;
  const pool = new ConnectionPool({ onWarning, ...(onLog ? { onLog } : {}) });
  const closeAll = () => pool.closeAll();
  signal?.addEventListener('abort', closeAll, { once: true });
  try {
    return await work(poolSessionOpener(pool), poolChannelOpener(pool));
  } finally {
    signal?.removeEventListener('abort', closeAll);
    pool.closeAll();
  }
}
