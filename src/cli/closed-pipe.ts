// What hfleet does when whoever reads its output goes away (`hfleet logs ... | head -n 2`).

/** The status of a process ended by SIGPIPE (128 + 13), as `git log | head` ends. */
export const CLOSED_PIPE_EXIT = 141;

/**
 * End the process quietly, with the conventional status, when a write to `stream` finds its reader gone
 * (EPIPE): no stack trace, nothing more written. Other stream errors are left to Node's default handling.
 */
export function endQuietlyOnClosedPipe(
  stream: NodeJS.WriteStream,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(CLOSED_PIPE_EXIT);
    else throw error;
  });
}
