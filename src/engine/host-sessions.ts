// The SSH side of a command: connections opened lazily, one remote shell per host, all closed at the end.
import {
  type ChannelOpener,
  poolChannelOpener,
  poolSessionOpener,
  type SessionOpener,
} from '../remote/open-session.js';
import { ConnectionPool } from '../transport/pool.js';

/**
 * Run `work` with openers of host sessions (and of streaming channels); every connection it opened is closed
 * when it ends, however it ends, or as soon as `signal` aborts.
 */
export async function withHostSessions<T>(
  work: (openSession: SessionOpener, openChannel: ChannelOpener) => Promise<T>,
  onWarning: (message: string) => void = (message) => process.stderr.write(`warning: ${message}\n`),
  signal?: AbortSignal,
): Promise<T> {
  const pool = new ConnectionPool({ onWarning });
  const closeAll = () => pool.closeAll();
  signal?.addEventListener('abort', closeAll, { once: true });
  try {
    return await work(poolSessionOpener(pool), poolChannelOpener(pool));
  } finally {
    signal?.removeEventListener('abort', closeAll);
    pool.closeAll();
  }
}
