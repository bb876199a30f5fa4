// One remote shell per host for a whole run: each script is one round trip, the host lock lives as long as it.
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { HfleetError } from '../errors.js';
import type { ShellChannel } from '../transport/shell-channel.js';

/** What one script printed, and its exit status. */
export interface ScriptResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Counters of one session. */
export interface SessionStats {
  roundTrips: number;
  bytesSent: number;
}

/** Runs scripts one after another in a single long-lived `sh -s`, framed by an unguessable end marker. */
export class ShellSession {
  readonly stats: SessionStats = { roundTrips: 0, bytesSent: 0 };
  private stdout = '';
  private stderr = '';
  private closedReason: string | undefined;
  private waiter: (() => void) | undefined;
  private sequence = 0;

  constructor(
    private readonly channel: ShellChannel,
    private readonly hostName: string,
  ) {
    // One decoder per stream: a character split across two packets is held back until its last byte comes.
    const stdout = new StringDecoder('utf8');
    const stderr = new StringDecoder('utf8');
    channel.onStdout((chunk) => {
      this.stdout += stdout.write(chunk);
      this.waiter?.();
    });
    channel.onStderr((chunk) => {
      this.stderr += stderr.write(chunk);
      this.waiter?.();
    });
    channel.onClose((reason) => {
      this.closedReason = reason;
      this.waiter?.();
    });
  }

  /** True once the shell or its connection is gone. */
  get closed(): boolean {
    return this.closedReason !== undefined;
  }

  /** Run one script as a shell function (a truncated script never runs: the function would not parse). */
  async run(script: string, options: { timeoutMs: number; what: string }): Promise<ScriptResult> {
    if (this.closedReason !== undefined) {
      throw new HfleetError('SSH_SOCKET', `${this.hostName}: connection lost before ${options.what}`);
    }
    const marker = `@@hfleet-done-${randomBytes(8).toString('hex')}`;
    const fn = `hf_rt_${++this.sequence}`;
    const body = script.trim() === '' ? ':' : script;
    const framed = `${fn}() {\n${body}\n}\n${fn}; printf '\\n${marker} %s\\n' "$?"; printf '\\n${marker}\\n' >&2\n`;
    this.stdout = '';
    this.stderr = '';
    this.stats.roundTrips++;
    this.stats.bytesSent += Buffer.byteLength(framed);
    this.channel.write(framed);
    return this.waitFor(marker, options);
  }

  private waitFor(marker: string, options: { timeoutMs: number; what: string }): Promise<ScriptResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        this.close();
        reject(
          new HfleetError(
            'SSH_TIMEOUT',
            `${this.hostName}: ${options.what} did not finish in ${options.timeoutMs / 1000} s`,
          ),
        );
      }, options.timeoutMs);
      const check = () => {
        const outAt = this.stdout.indexOf(`\n${marker} `);
        const errAt = this.stderr.indexOf(`\n${marker}\n`);
        if (outAt >= 0 && errAt >= 0 && this.stdout.indexOf('\n', outAt + 1) > 0) {
          clearTimeout(timer);
          this.waiter = undefined;
          const statusLine = this.stdout.slice(
            outAt + marker.length + 2,
            this.stdout.indexOf('\n', outAt + 1),
          );
          resolve({
            stdout: this.stdout.slice(0, outAt),
            stderr: this.stderr.slice(0, errAt),
            status: Number(statusLine),
          });
          return;
        }
        if (this.closedReason !== undefined) {
          clearTimeout(timer);
          this.waiter = undefined;
          reject(
            new HfleetError(
              'SSH_SOCKET',
              `${this.hostName}: connection lost during ${options.what} (${this.closedReason})`,
            ),
          );
        }
      };
      this.waiter = check;
      check();
    });
  }

  /** End the session: the remote shell exits, which releases the host lock. */
  end(): void {
    if (this.closedReason === undefined) this.channel.end();
  }

  /** Tear the session down at once. */
  close(): void {
    this.channel.close();
  }
}
