// An in-process ssh2 server on 127.0.0.1 for tests and simulations: the caller scripts what each exec answers.
import { connect as netConnect, type Socket } from 'node:net';
import ssh2, { type ParsedKey, type ServerChannel } from 'ssh2';

/** What a scripted exec answers; `drop` cuts the TCP connection instead of answering. */
export interface ExecReply {
  stdout?: string | Buffer;
  stderr?: string | Buffer;
  code?: number;
  /** End by this signal (e.g. `KILL`) instead of an exit code. */
  signal?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  drop?: boolean;
}

/** Scripts one exec: the command line as received and the whole stdin (after the client's EOF). */
export type ExecHandler = (command: string, stdin: Buffer, user: string) => ExecReply | Promise<ExecReply>;

/** Scripts one exec with the raw channel (streaming); the handler must end the channel itself. */
export type ExecStreamHandler = (command: string, channel: ServerChannel, user: string) => void;

/** How the test server behaves. */
export interface SshServerOptions {
  /** Private host key (OpenSSH format); a fresh ed25519 key when omitted. */
  hostKey?: string;
  /** OpenSSH public key lines allowed to log in (any user name). */
  authorizedKeys: string[];
  /** Reject every authentication attempt. */
  refuseAuth?: boolean;
  onExec?: ExecHandler;
  onExecStream?: ExecStreamHandler;
  /** Accept `direct-tcpip` (jump host) requests, to 127.0.0.1 only. */
  allowForwarding?: boolean;
}

/** What the server saw, for assertions. */
export interface ServerRecord {
  connections: number;
  authAttempts: Array<{ user: string; method: string }>;
  execs: Array<{ user: string; command: string }>;
  forwards: Array<{ host: string; port: number }>;
}

/** A running test server. */
export interface TestSshServer {
  port: number;
  /** The host key's public blob and type, for known_hosts lines. */
  hostKeyBlob: Buffer;
  hostKeyType: string;
  record: ServerRecord;
  /** A known_hosts line for this server under `name` (default `[127.0.0.1]:PORT`). */
  knownHostsLine(name?: string): string;
  /** Cut every client connection abruptly. */
  dropAll(): void;
  close(): Promise<void>;
}

// A fresh ed25519 key pair in OpenSSH formats (private key text, public key line).
export function generateKeyPair(): { privateKey: string; publicKey: string } {
  // ssh2 1.17 drops a leading zero byte of the key about once in 200 draws, writing a key it cannot read back.
  for (;;) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    if (!(ssh2.utils.parseKey(pair.private) instanceof Error))
      return { privateKey: pair.private, publicKey: pair.public };
  }
}

// Start a server on 127.0.0.1 on a free port.
export async function startSshServer(options: SshServerOptions): Promise<TestSshServer> {
  const hostKey = options.hostKey ?? generateKeyPair().privateKey;
  const parsedHost = parseOne(hostKey);
  const allowed = options.authorizedKeys.map(parseOne);
  const record: ServerRecord = { connections: 0, authAttempts: [], execs: [], forwards: [] };
  const sockets = new Set<Socket>();
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    record.connections += 1;
    const socket = (client as unknown as { _sock: Socket })._sock;
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    client.on('error', () => undefined);
    let user = '';
    client.on('authentication', (ctx) => {
      record.authAttempts.push({ user: ctx.username, method: ctx.method });
      if (options.refuseAuth || ctx.method !== 'publickey') return ctx.reject(['publickey']);
      const key = allowed.find((candidate) => candidate.getPublicSSH().equals(ctx.key.data));
      if (!key) return ctx.reject(['publickey']);
      if (ctx.signature && key.verify(ctx.blob ?? Buffer.alloc(0), ctx.signature, ctx.hashAlgo) !== true) {
        return ctx.reject(['publickey']);
      }
      user = ctx.username;
      ctx.accept();
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        const session = acceptSession();
        session.on('exec', (acceptExec, _reject, info) => {
          record.execs.push({ user, command: info.command });
          const channel = acceptExec();
          if (options.onExecStream) return options.onExecStream(info.command, channel, user);
          answerExec(channel, info.command, user, options.onExec, () => socket.destroy());
        });
      });
      if (options.allowForwarding)
        client.on('tcpip', (accept, reject, info) => forward(accept, reject, info, record));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const hostKeyBlob = parsedHost.getPublicSSH();
  return {
    port,
    hostKeyBlob,
    hostKeyType: parsedHost.type,
    record,
    knownHostsLine: (name = `[127.0.0.1]:${port}`) =>
      `${name} ${parsedHost.type} ${hostKeyBlob.toString('base64')}`,
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function answerExec(
  channel: ServerChannel,
  command: string,
  user: string,
  handler: ExecHandler | undefined,
  drop: () => void,
): void {
  const stdin: Buffer[] = [];
  channel.on('data', (chunk: Buffer) => stdin.push(chunk));
  channel.once('end', async () => {
    const reply = handler ? await handler(command, Buffer.concat(stdin), user) : { code: 0 };
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.drop) return drop();
    if (reply.stdout !== undefined) channel.write(reply.stdout);
    if (reply.stderr !== undefined) channel.stderr.write(reply.stderr);
    if (reply.signal) channel.exit(reply.signal, false, '');
    else channel.exit(reply.code ?? 0);
    channel.end();
  });
}

function forward(
  accept: () => ServerChannel,
  reject: () => void,
  info: { destIP: string; destPort: number },
  record: ServerRecord,
): void {
  record.forwards.push({ host: info.destIP, port: info.destPort });
  if (info.destIP !== '127.0.0.1') {
    reject();
    return;
  }
  const upstream = netConnect(info.destPort, '127.0.0.1');
  upstream.once('error', () => reject());
  upstream.once('connect', () => {
    const channel = accept();
    channel.on('error', () => upstream.destroy());
    upstream.on('error', () => channel.destroy());
    channel.pipe(upstream).pipe(channel);
  });
}

function parseOne(text: string): ParsedKey {
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error) throw parsed;
  return Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
}
