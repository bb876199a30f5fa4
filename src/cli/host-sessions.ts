// The SSH side of a command: connections opened lazily, one remote shell per host, all closed at the end.
import type { SessionOpener } from '../remote/open-session.js';
import { poolSessionOpener } from '../remote/open-session.js';
import { ConnectionPool } from '../transport/pool.js';

// Run `work` with a session opener; every connection it opened is closed when it ends, however it ends.
export async function withHostSessions<T>(
  work: (openSession: SessionOpener) => Promise<T>,
  onWarning: (message: string) => void = (message) => process.stderr.write(`warning: ${message}\n`),
): Promise<T> {
  const pool = new ConnectionPool({ onWarning });
  try {
    return await work(poolSessionOpener(pool));
  } finally {
    pool.closeAll();
  }
}
