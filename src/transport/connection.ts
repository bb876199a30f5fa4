// An open ssh2 client wrapped as a Connection: quoted exec with stdin, deadlines, counters, close.
import type { Client, ClientChannel } from 'ssh2';
import { HfleetError } from '../errors.js';
import { shellCommand } from '../util/shell-quote.js';
import { CloseSignal } from './close-signal.js';
import { ClosingConnection } from './closing-connection.js';
import { describeCommand, remoteArgv } from './command-line.js';
import { EarlyOutput } from './early-output.js';
import type { ShellChannel } from './shell-channel.js';
import type { Connection, ExecOptions, ExecResult, SshTarget, TransportStats } from './types.js';

/** A Connection over a ready ssh2 client; `release` runs once after it closed (e.g. ends a jump host). */
export class SshConnection extends ClosingConnection implements Connection {
  readonly stats: TransportStats = { commands: 0, bytesSent: 0, bytesReceived: 0 };
  #lastError: Error | undefined;

  constructor(
    readonly target: SshTarget,
    private readonly client: Client,
    private readonly release: () => void = () => undefined,
  ) {
    super();
    client.on('error', (error: Error) => {
      this.#lastError = error;
    });
    client.once('end', () => this.#markClosed());
    client.once('close', () => this.#markClosed());
  }

  close(): void {
    if (this.closed) return;
    this.client.end();
    this.#markClosed();
  }

  exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const command = shellCommand(remoteArgv(argv, this.target.ssh.become));
    const label = describeCommand(argv);
    if (this.closed) return Promise.reject(this.#lost(label, 'before'));
    const stdin = typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin;
    this.stats.commands += 1;
    this.stats.bytesSent += Buffer.byteLength(command) + (stdin?.length ?? 0);
    return new Promise<ExecResult>((resolve, reject) => {
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let exit: { code: number | null; signal: string | undefined } | undefined;
      let channel: ClientChannel | undefined;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.closing.unlisten(onLost);
        outcome();
      };
      const onLost = () => settle(() => reject(this.#lost(label, 'during')));
      this.closing.listen(onLost);
      if (opts.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          settle(() => reject(this.#timedOut(label, opts.timeoutMs ?? 0)));
          channel?.signal('KILL');
          channel?.close();
        }, opts.timeoutMs);
      }
      try {
        this.client.exec(command, (error, stream) => {
          if (error) {
            settle(() => reject(this.closed ? this.#lost(label, 'during') : this.#startFailed(label, error)));
            return;
          }
          channel = stream;
          if (settled) {
            stream.close();
            return;
          }
          const received = (into: Buffer[]) => (chunk: Buffer) => {
            into.push(chunk);
            this.stats.bytesReceived += chunk.length;
          };
          stream.on('error', () => undefined); // a failing channel still closes; 'close' settles it
          stream.on('data', received(stdout));
          stream.stderr.on('data', received(stderr));
          stream.on('exit', (code: number | null, signal?: string) => {
            exit = { code: typeof code === 'number' ? code : null, signal: signal ?? undefined };
          });
          stream.on('close', () => {
            if (!exit && this.closed) return onLost();
            settle(() =>
              resolve({
                code: exit?.code ?? null,
                signal: exit?.signal,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
              }),
            );
          });
          stream.end(stdin);
        });
      } catch {
        // ssh2 throws synchronously when the socket is already gone.
        settle(() => reject(this.#lost(label, 'before')));
      }
    });
  }

  openShell(argv: readonly string[]): Promise<ShellChannel> {
    const command = shellCommand(remoteArgv(argv, this.target.ssh.become));
    const label = describeCommand(argv);
    if (this.closed) return Promise.reject(this.#lost(label, 'before'));
    this.stats.commands += 1;
    this.stats.bytesSent += Buffer.byteLength(command);
    return new Promise<ShellChannel>((resolve, reject) => {
      try {
        this.client.exec(command, (error, stream) => {
          if (error) {
            reject(this.closed ? this.#lost(label, 'during') : this.#startFailed(label, error));
            return;
          }
          resolve(this.#shellChannel(stream));
        });
      } catch {
        reject(this.#lost(label, 'before'));
      }
    });
  }

  #shellChannel(stream: ClientChannel): ShellChannel {
    const countReceived = (chunk: Buffer) => {
      this.stats.bytesReceived += chunk.length;
    };
    const stdout = new EarlyOutput();
    const stderr = new EarlyOutput();
    stream.on('data', (chunk: Buffer) => {
      countReceived(chunk);
      stdout.push(chunk);
    });
    stream.stderr.on('data', (chunk: Buffer) => {
      countReceived(chunk);
      stderr.push(chunk);
    });
    const channelClosing = new CloseSignal<string>();
    const closed = (reason: string) => channelClosing.close(reason);
    let exitText = 'the remote shell ended';
    stream.on('exit', (code: number | null, signal?: string) => {
      exitText = `the remote shell exited (${signal ?? code})`;
    });
    stream.on('close', () =>
      closed(
        this.closed ? `connection closed${this.#lastError ? `: ${this.#lastError.message}` : ''}` : exitText,
      ),
    );
    this.onClose(() => closed(`connection closed${this.#lastError ? `: ${this.#lastError.message}` : ''}`));
    return {
      write: (data) => {
        this.stats.bytesSent += Buffer.byteLength(data);
        stream.write(data);
      },
      end: () => stream.end(),
      onStdout: (listener) => stdout.listen(listener),
      onStderr: (listener) => stderr.listen(listener),
      onClose: (listener) => channelClosing.listen(listener),
      close: () => stream.close(),
    };
  }

  #markClosed(): void {
    if (this.closing.close()) this.release();
  }

  #lost(label: string, when: 'before' | 'during'): HfleetError {
    const reason = this.#lastError ? ` (${this.#lastError.message})` : '';
    return new HfleetError(
      'SSH_SOCKET',
      `${this.target.host}: connection lost ${when} \`${label}\`${reason}`,
      {
        hint: 'the host or the network closed the SSH connection; check the host and retry',
        cause: this.#lastError,
      },
    );
  }

  #timedOut(label: string, ms: number): HfleetError {
    return new HfleetError(
      'SSH_TIMEOUT',
      `${this.target.host}: \`${label}\` did not finish within ${ms / 1000} s`,
      {
        hint: 'the command was stopped and its channel closed; check the host or allow more time',
      },
    );
  }

  #startFailed(label: string, error: Error): HfleetError {
    return new HfleetError('SSH_SOCKET', `${this.target.host}: cannot start \`${label}\`: ${error.message}`, {
      hint: 'the SSH server refused a new session channel (MaxSessions?)',
      cause: error,
    });
  }
}
