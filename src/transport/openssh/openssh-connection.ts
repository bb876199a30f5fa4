// A Connection carried by the system `ssh`: one master per host (ControlMaster in a private 0700 directory),
// every command and the run-long shell a client of it, so certificates, FIDO keys, GSSAPI, PKCS#11 and any
// ProxyCommand work as they do for `ssh HOST`.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { HfleetError } from '../../errors.js';
import { shellCommand } from '../../util/shell-quote.js';
import { CloseSignal } from '../close-signal.js';
import { ClosingConnection } from '../closing-connection.js';
import { describeCommand, remoteArgv } from '../command-line.js';
import type { ShellChannel } from '../shell-channel.js';
import type {
  Connection,
  ConnectOptions,
  ExecOptions,
  ExecResult,
  SshTarget,
  TransportStats,
} from '../types.js';
import { acquireControlDir, releaseControlDir } from './control-dir.js';
import { type SshCommandContext, sshCommand, sshOptions } from './ssh-arguments.js';
import { sshFailure } from './ssh-errors.js';

const PERSIST_SECONDS = 300;

// Every ssh runs in its own session (`detached`): a Ctrl-C on the terminal reaches hfleet alone, which lets the
// hosts already running finish (src/cli/interrupt.ts). BatchMode keeps ssh from ever wanting the terminal.
const OWN_SESSION = true;

function run(
  argv: string[],
  stdin?: Buffer,
): Promise<ExecResult & { child: ChildProcessWithoutNullStreams }> {
  const child = spawn('ssh', argv, { stdio: ['pipe', 'pipe', 'pipe'], detached: OWN_SESSION });
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

/**
 * Connect: start the host's master connection (host key checked, authenticated) and hand back the Connection;
 * what ssh said on stderr while connecting (a ProxyCommand's stderr, warnings) goes to `onLog`.
 */
export async function opensshConnect(target: SshTarget, options: ConnectOptions = {}): Promise<Connection> {
  if (target.ssh.unusable) throw new HfleetError('SSH_CONFIG', `${target.host}: ${target.ssh.unusable}`);
  const ctx: SshCommandContext = { controlDir: acquireControlDir(), persistSeconds: PERSIST_SECONDS };
  let started: Awaited<ReturnType<typeof run>>;
  try {
    started = await run(sshCommand(target, ctx, 'true'));
  } catch (error) {
    releaseControlDir(ctx.controlDir);
    throw error;
  }
  for (const line of started.stderr.split('\n'))
    if (line.trim() !== '') options.onLog?.(`${target.host}: ssh: ${line.trim()}`);
  if (started.code === 255 || started.code === null) {
    releaseControlDir(ctx.controlDir);
    throw sshFailure(target.host, started.stderr);
  }
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
    // The directory goes once the master has been told to exit (its socket gone with it).
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      releaseControlDir(this.ctx.controlDir);
    };
    spawn('ssh', [...sshOptions(this.target, this.ctx), '-O', 'exit', '--', this.#destination()], {
      stdio: 'ignore',
    })
      .on('error', release)
      .on('close', release);
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
      detached: OWN_SESSION,
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
