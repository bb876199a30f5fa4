import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { ConnectionPool } from '../../../src/transport/pool.js';
import type { Connection, SshTarget } from '../../../src/transport/types.js';

function target(host: string): SshTarget {
  return { host, address: '127.0.0.1', ssh: {} as SshTarget['ssh'] };
}

function fakeConnection(t: SshTarget): Connection & { closeCalls: number } {
  const listeners: Array<() => void> = [];
  const conn = {
    target: t,
    stats: { commands: 0, bytesSent: 0, bytesReceived: 0 },
    closed: false,
    closeCalls: 0,
    exec: async () => ({ code: 0, signal: undefined, stdout: '', stderr: '' }),
    openShell: async () => {
      throw new Error('not used by the pool');
    },
    onClose: (listener: () => void) => listeners.push(listener),
    close() {
      conn.closeCalls += 1;
      conn.closed = true;
      for (const listener of listeners.splice(0)) listener();
    },
  };
  return conn;
}

describe('ConnectionPool', () => {
  it('shares one attempt per host between concurrent callers', async () => {
    const calls: string[] = [];
    const pool = new ConnectionPool({}, async (t) => {
      calls.push(t.host);
      await new Promise((resolve) => setTimeout(resolve, 10));
      return fakeConnection(t);
    });
    const [a, b, c] = await Promise.all([
      pool.get(target('h1')),
      pool.get(target('h1')),
      pool.get(target('h2')),
    ]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(calls).toEqual(['h1', 'h2']);
    expect(await pool.get(target('h1'))).toBe(a);
  });

  it('closes every connection once on closeAll, and forgets dropped ones', async () => {
    const made: Array<ReturnType<typeof fakeConnection>> = [];
    const pool = new ConnectionPool({}, async (t) => {
      const conn = fakeConnection(t);
      made.push(conn);
      return conn;
    });
    await pool.get(target('h1'));
    await pool.get(target('h2'));
    made[0]?.close();
    expect(pool.size).toBe(1);
    pool.closeAll();
    pool.closeAll();
    expect(made.map((m) => m.closeCalls)).toEqual([1, 1]);
  });

  it('retries after a failed attempt', async () => {
    let attempts = 0;
    const pool = new ConnectionPool({}, async (t) => {
      attempts += 1;
      if (attempts === 1) throw new HfleetError('SSH_REFUSED', 'refused');
      return fakeConnection(t);
    });
    await expect(pool.get(target('h1'))).rejects.toMatchObject({ code: 'SSH_REFUSED' });
    await expect(pool.get(target('h1'))).resolves.toBeTruthy();
    expect(attempts).toBe(2);
  });

  it('closes a connection that arrives after closeAll', async () => {
    let made: ReturnType<typeof fakeConnection> | undefined;
    const pool = new ConnectionPool({}, async (t) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      made = fakeConnection(t);
      return made;
    });
    const pending = pool.get(target('h1'));
    pool.closeAll();
    await expect(pending).rejects.toThrow(/closed/);
    expect(made?.closed).toBe(true);
  });
});
