// One connection per host for a whole run: opened lazily, shared by concurrent callers, closed together.
import { connect } from './connect.js';
import type { Connection, ConnectOptions, SshTarget } from './types.js';

/** How the pool opens a connection (replaceable in tests and simulations). */
export type Connector = (target: SshTarget, options: ConnectOptions) => Promise<Connection>;

/** Connections keyed by host name; a failed attempt is forgotten so a later `get` may retry. */
export class ConnectionPool {
  readonly #attempts = new Map<string, Promise<Connection>>();
  readonly #open = new Set<Connection>();
  #closedAll = false;

  constructor(
    private readonly options: ConnectOptions = {},
    private readonly connector: Connector = connect,
  ) {}

  /** The host's connection, connecting on first use (a dropped one stays dropped for the run). */
  get(target: SshTarget): Promise<Connection> {
    if (this.#closedAll) return Promise.reject(new Error('the connection pool is closed'));
    return this.#attempts.get(target.host) ?? this.#start(target);
  }

  /** How many hosts currently hold an open connection. */
  get size(): number {
    return this.#open.size;
  }

  /** Close every connection (idempotent); later `get` calls fail. */
  closeAll(): void {
    this.#closedAll = true;
    for (const connection of this.#open) connection.close();
    this.#open.clear();
    this.#attempts.clear();
  }

  #start(target: SshTarget): Promise<Connection> {
    const attempt = this.connector(target, this.options).then((connection) => {
      if (this.#closedAll) {
        connection.close();
        throw new Error('the connection pool is closed');
      }
      this.#open.add(connection);
      connection.onClose(() => this.#open.delete(connection));
      return connection;
    });
    this.#attempts.set(target.host, attempt);
    attempt.catch(() => {
      if (this.#attempts.get(target.host) === attempt) this.#attempts.delete(target.host);
    });
    return attempt;
  }
}
