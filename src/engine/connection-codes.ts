// Which error codes mean "could not reach the host" (as opposed to failing on it after connecting).
import type { ErrorCode } from '../errors.js';

const CONNECTION_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'SSH_AUTH',
  'SSH_TIMEOUT',
  'SSH_DNS',
  'SSH_REFUSED',
  'SSH_SOCKET',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_MISMATCH',
  'SSH_CONFIG',
]);

// The code of an error, `UNEXPECTED` when it has none.
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNEXPECTED';
}

// True when an error raised while opening the session means the host was not reached.
export function isUnreachable(error: unknown, sessionOpened: boolean): boolean {
  return !sessionOpened && CONNECTION_CODES.has(errorCodeOf(error));
}
