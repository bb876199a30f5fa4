// Waiting for a lab host's sshd: a TCP connect plus a banner read, polled until a deadline.
import net from 'node:net';
import { HfleetError } from '../errors.js';

/** True when the address accepts a TCP connection on the port and sends an `SSH-` banner within the timeout. */
export function sshBannerSeen(address: string, port = 22, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    let received = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.on('error', () => finish(false));
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.startsWith('SSH-')) finish(true);
      else if (received.length >= 4) finish(false);
    });
    socket.on('close', () => finish(false));
  });
}

/** One host to wait for. */
export interface SshTarget {
  name: string;
  address: string;
  /** Tells whether the host can still come up (e.g. its nspawn still runs); a false ends the wait early. */
  stillBooting?: () => boolean;
  /** Where to look when it does not come up. */
  logHint?: string;
}

/** Poll until the host answers with an SSH banner; throws a LAB error naming the host at the deadline. */
export async function waitForSsh(target: SshTarget, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await sshBannerSeen(target.address)) return;
    if (target.stillBooting && !target.stillBooting()) {
      throw new HfleetError('LAB', `lab host ${target.name} (${target.address}) stopped while booting`, {
        hint: target.logHint,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new HfleetError(
    'LAB',
    `lab host ${target.name} (${target.address}) did not accept SSH within ${Math.round(timeoutMs / 1000)} s`,
    { hint: target.logHint },
  );
}
