// Which error codes mean "could not reach the host" (as opposed to failing on it after connecting).
import type { ErrorCode } from '../errors.js';

const CONNECTION_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SSH_AUTH',
  'SSH_TIMEOUT',
  'SSH_DNS',
  'SSH_REFUSED',
  'SSH_SOCKET',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_MISMATCH',
  'SSH_CONFIG',
]);

/** True when an error with this code, raised while connecting, means the host was not reached. */
export function isConnectionCode(code: ErrorCode): boolean {
  return CONNECTION_CODES.has(code);
}
