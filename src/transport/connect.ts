// Connect to one host (directly, through a ProxyCommand, or through its chain of jump hosts, each a host of
// its own with its own credentials and host key check) and hand back a reusable Connection.
import { connect as tcpConnect } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { HfleetError } from '../errors.js';
import { type AuthPlan, planAuth, processAuthEnvironment } from './auth.js';
import { SshConnection } from './connection.js';
import { mapSshError } from './errors.js';
import { parseJump } from './jump.js';
import { errorContextOf, openClient } from './open-client.js';
import { opensshConnect } from './openssh/openssh-connection.js';
import { startProxyCommand } from './proxy-command.js';
import type { Connection, ConnectOptions, SshTarget } from './types.js';

/** The transport types, re-exported for callers that only import connect. */
export type { Connection, ConnectOptions, ExecOptions, ExecResult, SshTarget } from './types.js';

/** An authenticated client and what to close after it (the jump hosts' clients, a ProxyCommand). */
interface OpenedClient {
  client: Client;
  release(): void;
}

/** The byte stream to a host, what to close with it, and how messages name the route. */
interface Route {
  /** The stream, or how to open it (a TCP socket is opened only when ssh2 is ready to listen on it). */
  sock: Duplex | (() => Duplex);
  via: string | undefined;
  release(): void;
  failure(): Promise<HfleetError | undefined>;
}

const FAMILY = { inet: 4, inet6: 6, any: 0 } as const;

// The jump host of a target built by hand with only a `jump` spec (no resolved `via`).
function viaOf(target: SshTarget): SshTarget | undefined {
  if (target.ssh.via)
    return { host: target.ssh.via.host, address: target.ssh.via.address, ssh: target.ssh.via.ssh };
  if (!target.ssh.jump) return undefined;
  const jump = parseJump(target.ssh.jump, target.ssh.user);
  return {
    host: `${target.host} via jump host`,
    address: jump.address,
    ssh: { ...target.ssh, user: jump.user, port: jump.port, jump: undefined, become: false },
  };
}

// Open the stream a host's SSH session runs over.
async function openRoute(target: SshTarget, options: ConnectOptions): Promise<Route> {
  const { ssh } = target;
  if (ssh.proxyCommand) {
    const proxy = startProxyCommand(target.host, ssh.proxyCommand, (line) =>
      options.onLog?.(`${target.host}: ProxyCommand: ${line}`),
    );
    proxy.stream.on('error', () => undefined); // its failure() says why; ssh2 sees the stream close
    return { sock: proxy.stream, via: 'ProxyCommand', release: proxy.stop, failure: proxy.failure };
  }
  const via = viaOf(target);
  if (!via) {
    const family = FAMILY[ssh.addressFamily ?? 'any'];
    const sock = () =>
      tcpConnect({ host: target.address, port: ssh.port, noDelay: true, ...(family ? { family } : {}) });
    return { sock, via: undefined, release: () => undefined, failure: async () => undefined };
  }
  const jump = await openAuthenticated(via, options);
  jump.client.on('error', () => undefined);
  const viaText = `jump ${via.ssh.user}@${via.address}:${via.ssh.port}`;
  try {
    const sock = await forwardTo(jump.client, target, viaText);
    const release = () => {
      jump.client.end();
      jump.release();
    };
    return { sock, via: viaText, release, failure: async () => undefined };
  } catch (error) {
    jump.client.end();
    jump.release();
    throw error;
  }
}

// An authenticated ssh2 client for the target over its route; host keys are checked before any auth.
async function openAuthenticated(target: SshTarget, options: ConnectOptions): Promise<OpenedClient> {
  if (target.ssh.unusable) {
    throw new HfleetError('SSH_CONFIG', `${target.host}: ${target.ssh.unusable}`, {
      hint: 'fix the ssh config, or set the value in the inventory (it wins)',
    });
  }
  const auth = await planAuth(target.ssh, processAuthEnvironment());
  for (const skipped of auth.skipped) options.onLog?.(`${target.host}: identity file ${skipped} skipped`);
  if (auth.attempts.length === 0) {
    const why =
      auth.skipped.length > 0 ? `skipped ${auth.skipped.join(', ')}` : 'no identity file and no agent key';
    throw new HfleetError('SSH_AUTH', `${target.host}: no key to offer (${why})`, {
      hint: 'add the key to ssh-agent (`ssh-add FILE`), or point identity_file / IdentityFile at a usable key',
    });
  }
  const route = await openRoute(target, options);
  try {
    const client = await openClient(target, auth, options, route.sock, route.via);
    return { client, release: route.release };
  } catch (error) {
    route.release();
    throw (await route.failure()) ?? error;
  }
}

/** Open an authenticated connection to a host; host keys are checked before any auth or command. */
export async function connect(target: SshTarget, options: ConnectOptions = {}): Promise<Connection> {
  if (target.ssh.transport === 'openssh') return opensshConnect(target, options);
  const opened = await openAuthenticated(target, options);
  return new SshConnection(target, opened.client, opened.release);
}

function forwardTo(jumpClient: Client, target: SshTarget, via: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jumpClient.forwardOut('127.0.0.1', 0, target.address, target.ssh.port, (error, stream) => {
      if (!error) return resolve(stream);
      const ctx = errorContextOf(target, { attempts: [], tried: [], skipped: [] } satisfies AuthPlan, via);
      if (/refused/i.test(error.message))
        return reject(mapSshError(Object.assign(error, { code: 'ECONNREFUSED' }), ctx));
      const detail = error.message.replace(/^\(SSH\) Channel open failure:\s*/, '') || 'no reason given';
      const message = `${target.host} (${target.address}:${target.ssh.port}) via ${via}: the jump host could not connect (${detail})`;
      reject(
        new HfleetError('SSH_SOCKET', message, {
          hint: 'check that the jump host can reach the target address and port, and allows TCP forwarding',
          cause: error,
        }),
      );
    });
  });
}
