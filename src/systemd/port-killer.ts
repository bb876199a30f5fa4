// Recognises the `fuser -k PORT/tcp` ExecStartPre of the reference units.

/** True for a command that kills whatever holds a port (`fuser -k`), which only root may do. */
export function isPortKiller(command: string): boolean {
  return /\bfuser\s+(-\w*\s+)*-\w*k/.test(command);
}
