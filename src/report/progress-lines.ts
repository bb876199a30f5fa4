// One line per finished host on stderr when stdout is not a terminal (README "Progress"): a host that is stuck
// does not hide the others' results until the recap.

/** What a progress line says about a host: its name, outcome and error code. */
export interface ProgressEntry {
  host: string;
  status: string;
  error_code: string | null;
}

/** A host's line: `acme-1: changed (4.2 s)`, `globex-1: failed HEALTH_TIMEOUT (31.0 s)`. */
export function progressLine(entry: ProgressEntry, seconds: number): string {
  const code = entry.error_code ? ` ${entry.error_code}` : '';
  return `${entry.host}: ${entry.status}${code} (${seconds.toFixed(1)} s)\n`;
}

/** Where progress goes and whether it is asked for. */
export interface ProgressOptions {
  quiet: boolean | undefined;
  stdout?: { isTTY?: boolean };
  stderr?: { write(text: string): unknown };
}

/** A writer of progress lines when stdout is not a terminal and `--quiet` is not given, else undefined. */
export function progressWriter(
  options: ProgressOptions,
): ((entry: ProgressEntry, seconds: number) => void) | undefined {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (options.quiet || stdout.isTTY) return undefined;
  return (entry, seconds) => stderr.write(progressLine(entry, seconds));
}
