// Open one authenticated ssh2 client: host key check first, then auth; every failure as one HfleetError.
import { connect as tcpConnect } from 'node:net';
import type { Duplex } from 'node:stream';
import ssh2, { type Client } from 'ssh2';
import { HfleetError } from '../errors.js';
import type { AuthPlan } from './auth.js';
import { type ConnectionErrorContext, mapSshError } from './errors.js';
import { prepareHostKeyCheck } from './known-hosts.js';
import type { ConnectOptions, SshTarget } from './types.js';

const KEEPALIVE_INTERVAL_MS = 15_000;
const KEEPALIVE_COUNT_MAX = 3;

/** The error context of a target (for messages): who, where, as whom, with what. */
export function errorContextOf(target: SshTarget, auth: AuthPlan, via?: string): ConnectionErrorContext {
  return {
    host: target.host,
    address: target.address,
    port: target.ssh.port,
    user: target.ssh.user,
    authTried: auth.tried,
    connectTimeout: target.ssh.connectTimeout,
    via,
  };
}

/** A ready ssh2 client for the target, over `sock` when given (a jump host's forwarded stream). */
export async function openClient(
  target: SshTarget,
  auth: AuthPlan,
  options: ConnectOptions,
  sock?: Duplex | (() => Duplex),
  via?: string,
): Promise<Client> {
  const { ssh } = target;
  const ctx = errorContextOf(target, auth, via);
  throwIfAborted(target, options.signal);
  const check = await prepareHostKeyCheck(
    {
      host: target.host,
      address: target.address,
      port: ssh.port,
      knownHosts: ssh.knownHosts,
      moreKnownHosts: ssh.moreKnownHosts,
      hostKeyAlias: ssh.hostKeyAlias,
      policy: ssh.hostKeyChecking,
    },
    options.onWarning,
  );
  throwIfAborted(target, options.signal);
  const client = new ssh2.Client();
  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      client.end();
      client.destroy();
      reject(check.refusal() ?? mapSshError(error, ctx));
    };
    const onAbort = () => fail(interrupted(target));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    client.on('error', fail);
    client.once('close', () => fail(new Error('connection closed during the SSH handshake')));
    client.once('ready', () => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      client.removeListener('error', fail);
      resolve(client);
    });
    client.connect({
      host: target.address,
      port: ssh.port,
      username: ssh.user,
      // Our own TCP socket, only to switch Nagle off: small request/answer packets otherwise wait for delayed ACKs.
      sock:
        typeof sock === 'function'
          ? sock()
          : (sock ?? tcpConnect({ host: target.address, port: ssh.port, noDelay: true })),
      authHandler: auth.attempts,
      hostVerifier: check.verifier,
      algorithms: { serverHostKey: check.algorithms },
      readyTimeout: ssh.connectTimeout * 1000,
      keepaliveInterval: ssh.serverAlive?.interval ? ssh.serverAlive.interval * 1000 : KEEPALIVE_INTERVAL_MS,
      keepaliveCountMax: ssh.serverAlive?.interval ? ssh.serverAlive.countMax : KEEPALIVE_COUNT_MAX,
    });
  });
}

function throwIfAborted(target: SshTarget, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw interrupted(target);
}

function interrupted(target: SshTarget): HfleetError {
  return new HfleetError('INTERRUPTED', `${target.host}: connection attempt cancelled`);
}
