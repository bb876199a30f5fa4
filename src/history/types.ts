// The shape of one recorded run: which command, who ran it, when, on which hosts, and its JSON document.

/** The runs the history records: the CLI's fleet commands and serve's sweeps. */
export type RunKind = 'apply' | 'drift' | 'restart' | 'status' | 'sweep';

/** One run as stored (one JSON line). */
export interface RunRecord {
  /** Unique, sortable: the start time in ms, then a random suffix. */
  id: string;
  kind: RunKind;
  /** `user@machine`. */
  who: string;
  /** ISO 8601 time the run ended. */
  at: string;
  /** The hosts the run touched or read (for a sweep: the hosts whose state changed). */
  hosts: string[];
  exit_code: number;
  /** The command's `--json` document (for a sweep: the summary and the changed hosts). */
  document: unknown;
}

/** Which runs a query wants. */
export interface RunQuery {
  /** Only runs at or after this time (ms since the epoch). */
  sinceMs?: number;
  host?: string;
  kinds?: readonly RunKind[];
}
