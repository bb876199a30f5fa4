// A Connection carried by the system `ssh`: one master per host (ControlMaster in a private 0700 directory),
// every command and the run-long shell a client of it, so certificates, FIDO keys, GSSAPI, PKCS#11 and any
// ProxyCommand work as they do for `ssh HOST`.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HfleetError } from '../../errors.js';
import { shellCommand } from '../../util/shell-quote.js';
import { CloseSignal } from '../close-signal.js';
import { ClosingConnection } from '../closing-connection.js';
import { describeCommand, remoteArgv } from '../command-line.js';
import type { ShellChannel } from '../shell-channel.js';
import type { Connection, ExecOptions, ExecResult, SshTarget, TransportStats } from '../types.js';
import { type SshCommandContext, sshCommand, sshOptions } from './ssh-arguments.js';
import { sshFailure } from './ssh-errors.js';

const PERSIST_SECONDS = 300;
let controlDir: string | undefined;

// The process's private control directory (0700), removed when the process exits.
function privateControlDir(): string {
  if (controlDir) return controlDir;
  const dir = mkdtempSync(join(tmpdir(), 'hfleet-ssh-'));
  controlDir = dir;
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(
  argv: string[],
  stdin?: Buffer,
): Promise<ExecResult & { child: ChildProcessWithoutNullStreams }> {
  const child = spawn('ssh', argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin);
  return new Promise((resolve) => {
    const done = (code: number | null, signal: NodeJS.Signals | null) =>
      resolve({
        code,
        signal: signal ?? undefined,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        child,
      });
    child.on('error', (error) => {
      err.push(Buffer.from(`cannot run ssh: ${error.message}\n`));
      done(255, null);
    });
    child.on('close', done);
  });
}

/** Connect: start the host's master connection (host key checked, authenticated) and hand back the Connection. */
export async function opensshConnect(target: SshTarget): Promise<Connection> {
  if (target.ssh.unusable) throw new HfleetError('SSH_CONFIG', `${target.host}: ${target.ssh.unusable}`);
  const ctx: SshCommandContext = { controlDir: privateControlDir(), persistSeconds: PERSIST_SECONDS };
  const started = await run(sshCommand(target, ctx, 'true'));
  if (started.code === 255 || started.code === null) throw sshFailure(target.host, started.stderr);
  return new OpenSshConnection(target, ctx);
}

/** A Connection whose every command is a client of the host's ssh master. */
export class OpenSshConnection extends ClosingConnection implements Connection {
  readonly stats: TransportStats = { commands: 0, bytesSent: 0, bytesReceived: 0 };
  readonly #children = new Set<ChildProcessWithoutNullStreams>();

  constructor(
    readonly target: SshTarget,
    private readonly ctx: SshCommandContext,
  ) {
    super();
  }

  close(): void {
    if (this.closed) return;
    for (const child of this.#children) child.kill('SIGTERM');
    spawn('ssh', [...sshOptions(this.target, this.ctx), '-O', 'exit', '--', this.#destination()], {
      stdio: 'ignore',
    }).on('error', () => undefined);
    this.closing.close();
  }

  #destination(): string {
    return this.target.ssh.openssh?.destination ?? this.target.address;
  }

  async exec(argv: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const label = describeCommand(argv);
    if (this.closed)
      throw new HfleetError('SSH_SOCKET', `${this.target.host}: connection closed before \`${label}\``);
    const command = shellCommand(remoteArgv(argv, this.target.ssh.become));
    const stdin = typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : opts.stdin;
    this.stats.commands += 1;
    this.stats.bytesSent += Buffer.byteLength(command) + (stdin?.length ?? 0);
    const running = run(sshCommand(this.target, this.ctx, command), stdin);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      if (opts.timeoutMs === undefined) return;
      timer = setTimeout(
        () =>
          reject(
            new HfleetError(
              'SSH_TIMEOUT',
              `${this.target.host}: \`${label}\` did not finish within ${opts.timeoutMs! / 1000} s`,
            ),
          ),
        opts.timeoutMs,
      );
    });
    try {
      const result = await Promise.race([running, deadline]);
      this.stats.bytesReceived += Buffer.byteLength(result.stdout) + Buffer.byteLength(result.stderr);
      if (result.code === 255 && result.stdout === '') throw sshFailure(this.target.host, result.stderr);
      return { code: result.code, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
    } finally {
      clearTimeout(timer);
      void running.then(({ child }) => child.kill());
    }
  }

  async openShell(argv: readonly string[]): Promise<ShellChannel> {
    if (this.closed) throw new HfleetError('SSH_SOCKET', `${this.target.host}: connection closed`);
    const command = shellCommand(remoteArgv(argv, this.target.ssh.become));
    this.stats.commands += 1;
    const child = spawn('ssh', sshCommand(this.target, this.ctx, command), {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    child.stdin.on('error', () => undefined);
    child.stdout.on('data', (chunk: Buffer) => {
      this.stats.bytesReceived += chunk.length;
    });
    const channelClosing = new CloseSignal<string>();
    child.on('close', (code, signal) => {
      this.#children.delete(child);
      channelClosing.close(`the remote shell exited (${signal ?? code})`);
    });
    return {
      write: (data) => {
        this.stats.bytesSent += Buffer.byteLength(data);
        child.stdin.write(data);
      },
      end: () => child.stdin.end(),
      onStdout: (listener) => child.stdout.on('data', listener),
      onStderr: (listener) => child.stderr.on('data', listener),
      onClose: (listener) => channelClosing.listen(listener),
      close: () => child.kill('SIGTERM'),
    };
  }
}
