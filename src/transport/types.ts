// Shapes shared by the SSH transport: what to connect to, what a command returns, what a connection offers.
import type { SshSettings } from '../inventory/types.js';
import type { ShellChannel } from './shell-channel.js';

/** One host to reach: its inventory name (for messages), its address and its SSH settings. */
export interface SshTarget {
  host: string;
  address: string;
  ssh: SshSettings;
}

/** What one remote command produced; `code` is null when it ended by a signal or without status. */
export interface ExecResult {
  code: number | null;
  signal: string | undefined;
  stdout: string;
  stderr: string;
}

/** Per-command options: bytes for its stdin (then closed) and a deadline. */
export interface ExecOptions {
  stdin?: string | Buffer;
  timeoutMs?: number;
}

/** Traffic counters of one connection. */
export interface TransportStats {
  commands: number;
  bytesSent: number;
  bytesReceived: number;
}

/** Options for opening a connection. */
export interface ConnectOptions {
  /** Called with loud one-line warnings (e.g. host key checking is off). */
  onWarning?(message: string): void;
  /** Aborting cancels a connection attempt in progress. */
  signal?: AbortSignal;
  /** Called with quiet per-host detail lines (a ProxyCommand's stderr, identity files skipped). */
  onLog?(line: string): void;
}

/** An open SSH connection to one host, reused for every command of a run. */
export interface Connection {
  readonly target: SshTarget;
  readonly stats: TransportStats;
  readonly closed: boolean;
  exec(argv: readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /** Start a long-lived command (a remote `sh -s`) and hand over its streams. */
  openShell(argv: readonly string[]): Promise<ShellChannel>;
  /** Registers a callback run once when the connection ends for any reason. */
  onClose(listener: () => void): void;
  close(): void;
}
