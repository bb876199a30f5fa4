// The one error type hfleet throws for expected failures: a stable code, a one-line message, and a hint.

/** Every expected failure has one of these codes; the CLI maps them to exit codes. */
export type ErrorCode =
  | 'USAGE'
  | 'INVENTORY_INVALID'
  | 'PLAYBOOK_INVALID'
  | 'TEMPLATE_INVALID'
  | 'UNIT_LINT'
  | 'LAB'
  | 'SSH_AUTH'
  | 'SSH_TIMEOUT'
  | 'SSH_DNS'
  | 'SSH_REFUSED'
  | 'SSH_SOCKET'
  | 'SSH_CONFIG'
  | 'HOST_KEY_MISMATCH'
  | 'HOST_KEY_UNKNOWN'
  | 'REMOTE_COMMAND'
  | 'LOCKED'
  | 'HEALTH_TIMEOUT'
  | 'INTERRUPTED'
  /** A bug or a failure hfleet has no name for: reported with its message, never hidden. */
  | 'UNEXPECTED';

/** An expected failure: printed as one line plus its hint at the CLI edge, never with a stack. */
export class HfleetError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HfleetError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** Codes that mean "bad input": the CLI exits 1 and nothing was touched on any host. */
export const INPUT_ERROR_CODES: ReadonlySet<ErrorCode> = new Set([
  'USAGE',
  'INVENTORY_INVALID',
  'PLAYBOOK_INVALID',
  'TEMPLATE_INVALID',
  'UNIT_LINT',
  'SSH_CONFIG',
]);

/** The error as an HfleetError: itself when it is one, else `UNEXPECTED` with its message and the original as cause. */
export function asHfleetError(error: unknown): HfleetError {
  if (error instanceof HfleetError) return error;
  return new HfleetError('UNEXPECTED', errorMessage(error), { cause: error });
}

/** True when the value is an HfleetError (also across module copies). */
export function isHfleetError(value: unknown): value is HfleetError {
  return value instanceof HfleetError;
}

/** The message of anything thrown, for reports that must stay one line. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return String(error);
}
