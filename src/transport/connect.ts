// Connect to one host (directly or through its jump host) and hand back a reusable Connection.
import type { Duplex } from 'node:stream';
import type { Client } from 'ssh2';
import { HfleetError } from '../errors.js';
import { type AuthPlan, planAuth, processAuthEnvironment } from './auth.js';
import { SshConnection } from './connection.js';
import { mapSshError } from './errors.js';
import { parseJump } from './jump.js';
import { errorContextOf, openClient } from './open-client.js';
import type { Connection, ConnectOptions, SshTarget } from './types.js';

// The transport types, re-exported for callers that only import connect.
export type { Connection, ConnectOptions, ExecOptions, ExecResult, SshTarget } from './types.js';

// Open an authenticated connection to a host; host keys are checked before any auth or command.
export async function connect(target: SshTarget, options: ConnectOptions = {}): Promise<Connection> {
  const env = processAuthEnvironment();
  const auth = await planAuth(target.host, target.ssh.user, target.ssh.identityFile, env);
  if (!target.ssh.jump) return new SshConnection(target, await openClient(target, auth, options));

  const jump = parseJump(target.ssh.jump, target.ssh.user);
  const via = `jump ${jump.user}@${jump.address}:${jump.port}`;
  const jumpTarget: SshTarget = {
    host: `${target.host} via jump host`,
    address: jump.address,
    ssh: { ...target.ssh, user: jump.user, port: jump.port, jump: undefined, become: false },
  };
  const jumpAuth = await planAuth(jumpTarget.host, jump.user, target.ssh.identityFile, env);
  const jumpClient = await openClient(jumpTarget, jumpAuth, options);
  jumpClient.on('error', () => undefined);
  try {
    const stream = await forwardTo(jumpClient, target, auth, via);
    const client = await openClient(target, auth, options, stream, via);
    return new SshConnection(target, client, () => jumpClient.end());
  } catch (error) {
    jumpClient.end();
    throw error;
  }
}

function forwardTo(jumpClient: Client, target: SshTarget, auth: AuthPlan, via: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    jumpClient.forwardOut('127.0.0.1', 0, target.address, target.ssh.port, (error, stream) => {
      if (!error) return resolve(stream);
      const ctx = errorContextOf(target, auth, via);
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
