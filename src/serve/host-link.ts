// One host's kept SSH connection and remote shell: opened once, reopened with backoff after it drops.
import type { LimitFunction } from 'p-limit';
import type { KnownFile } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import { ShellSession } from '../remote/shell-session.js';
import type { Connector } from '../transport/pool.js';
import type { Connection, ConnectOptions, ExecResult } from '../transport/types.js';

/** The first wait after a failed connection; it doubles with each failure in a row. */
export const BACKOFF_FIRST_MS = 2_000;
/** The longest wait between two connection attempts. */
export const BACKOFF_MAX_MS = 300_000;

/** The wait after `failures` failed attempts in a row. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
}

/** Connects lazily; `handshakeLimit` bounds how many hosts handshake at once across the fleet. */
export class HostLink {
  #connection: Connection | undefined;
  #session: ShellSession | undefined;
  #failures = 0;
  #nextAttemptMs = 0;
  #lastError: unknown;
  /** Handshakes done so far (the first one plus every reconnection). */
  handshakeCount = 0;
  /** The managed files' contents as last read, with their stat signatures: a sweep reads only changed ones. */
  readonly knownFiles = new Map<string, KnownFile>();

  constructor(
    readonly host: Host,
    private readonly connector: Connector,
    private readonly handshakeLimit: LimitFunction,
    private readonly options: ConnectOptions,
  ) {}

  /** The host's open shell, connecting first when there is none; during a backoff, the last error again. */
  async session(nowMs = Date.now()): Promise<ShellSession> {
    if (this.#session && !this.#session.closed) return this.#session;
    this.drop();
    if (nowMs < this.#nextAttemptMs) throw this.#lastError;
    try {
      const connection = await this.handshakeLimit(() => {
        this.handshakeCount++;
        return this.connector(
          { host: this.host.name, address: this.host.address, ssh: this.host.ssh },
          this.options,
        );
      });
      this.#connection = connection;
      this.#session = new ShellSession(await connection.openShell(['sh', '-s']), this.host.name);
      this.#failures = 0;
      return this.#session;
    } catch (error) {
      this.drop();
      this.#failures++;
      this.#nextAttemptMs = Date.now() + backoffMs(this.#failures);
      this.#lastError = error;
      throw error;
    }
  }

  /** Run one command on the kept connection (a new channel, no handshake); fails when not connected. */
  exec(argv: readonly string[], timeoutMs: number): Promise<ExecResult> {
    if (!this.#connection || this.#connection.closed) {
      return Promise.reject(new Error(`${this.host.name}: not connected`));
    }
    return this.#connection.exec(argv, { timeoutMs });
  }

  /** True while the connection is open. */
  get connected(): boolean {
    return this.#connection !== undefined && !this.#connection.closed;
  }

  /** Close the connection; the next `session` reconnects (subject to the backoff). */
  drop(): void {
    this.#session?.close();
    this.#connection?.close();
    this.#session = undefined;
    this.#connection = undefined;
  }
}
