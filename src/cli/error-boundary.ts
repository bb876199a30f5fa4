// The single place where errors become output and exit codes.
import { errorMessage, INPUT_ERROR_CODES, isHfleetError } from '../errors.js';
import { EXIT } from '../exit-codes.js';

/** Print an error the way an operator can act on it; return the exit code it stands for. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (isHfleetError(error)) {
    stderr.write(`hfleet: ${error.message}\n`);
    if (error.hint) stderr.write(`  hint: ${error.hint}\n`);
    return INPUT_ERROR_CODES.has(error.code) ? EXIT.badInput : EXIT.hostFailed;
  }
  stderr.write(`hfleet: unexpected error: ${errorMessage(error)}\n`);
  if (error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT.hostFailed;
}
