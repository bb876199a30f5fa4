// Map ssh2 and Node socket errors to one HfleetError each: a code, a one-line message naming the host, a hint.
import { type ErrorCode, errorMessage, HfleetError } from '../errors.js';

/** What a message about a failed connection may name (never key material). */
export interface ConnectionErrorContext {
  host: string;
  address: string;
  port: number;
  user: string;
  /** Human descriptions of the credentials tried, e.g. `identity file /root/.ssh/id_ed25519`. */
  authTried: readonly string[];
  connectTimeout: number;
  /** Set when the connection goes through a jump host, e.g. `jump root@bastion:22`. */
  via?: string | undefined;
}

interface Mapped {
  code: ErrorCode;
  what: string;
  hint: string;
}

/** The HfleetError for anything a connection attempt or an open connection failed with. */
export function mapSshError(error: unknown, ctx: ConnectionErrorContext): HfleetError {
  if (error instanceof HfleetError) return error;
  const mapped = classify(error, ctx);
  const via = ctx.via ? ` via ${ctx.via}` : '';
  return new HfleetError(mapped.code, `${ctx.host} (${ctx.address}:${ctx.port})${via}: ${mapped.what}`, {
    hint: mapped.hint,
    cause: error,
  });
}

function classify(error: unknown, ctx: ConnectionErrorContext): Mapped {
  const level =
    typeof error === 'object' && error !== null ? (error as { level?: unknown }).level : undefined;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const detail = errorMessage(error);
  const tried = ctx.authTried.length > 0 ? ctx.authTried.join(', ') : 'no key or agent found';
  if (level === 'client-authentication') {
    return {
      code: 'SSH_AUTH',
      what: `authentication failed for user ${ctx.user}`,
      hint: `tried ${tried}; check that the public key is in ~${ctx.user}/.ssh/authorized_keys on the host, or set identity_file`,
    };
  }
  if (level === 'client-dns' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      code: 'SSH_DNS',
      what: `cannot resolve ${ctx.address}`,
      hint: 'check the address in the inventory and DNS',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      code: 'SSH_REFUSED',
      what: 'connection refused',
      hint: `check that sshd is running on the host and listening on port ${ctx.port}`,
    };
  }
  if (level === 'client-timeout' || code === 'ETIMEDOUT') {
    const what = /keepalive/i.test(detail)
      ? 'connection timed out (no answer to keepalives)'
      : `timed out after ${ctx.connectTimeout} s waiting for the SSH handshake`;
    return {
      code: 'SSH_TIMEOUT',
      what,
      hint: 'check that the host is up and reachable, or raise connect_timeout',
    };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return { code: 'SSH_SOCKET', what: 'host unreachable', hint: 'check the address, routes and firewalls' };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return {
      code: 'SSH_SOCKET',
      what: 'connection reset',
      hint: 'the host or a firewall closed the connection; retry',
    };
  }
  return {
    code: 'SSH_SOCKET',
    what: `connection failed: ${detail}`,
    hint: 'check that the host runs a working sshd',
  };
}
