// The result of one host in a run: what CONTRACT.md's JSON `hosts` entries hold.
import type { HfleetError } from '../errors.js';
import type { HealthOutcome } from '../remote/health-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { ReportedChange } from '../tasks/plan-types.js';
import { errorCodeOf } from './connection-codes.js';

/** A host's outcome; `error` is one line when status is failed or unreachable. */
export interface HostResult {
  host: string;
  customer: string;
  status: 'ok' | 'changed' | 'failed' | 'unreachable';
  changes: ReportedChange[];
  restarted: string[];
  /** Unit state changes other than restarts (started, stopped, enabled, disabled). */
  services: { unit: string; action: string }[];
  daemon_reload: boolean;
  /** Planned unit actions that did not run (the host failed first), e.g. `restart hub-cloud.service`. */
  not_run: string[];
  /** Masked units apply left alone (an operator's decision; `--unmask` manages them). */
  masked: string[];
  health: HealthOutcome[];
  error: string | null;
  /** What this run did first about an earlier run cut short on the host (finished or rolled back), else null. */
  recovered: string | null;
  /** The error's code (e.g. HOST_KEY_MISMATCH), null without error. */
  error_code: string | null;
  /** Unified diffs of the files that change (with --diff). */
  diffs?: { path: string; diff: string }[];
  /** SSH round trips (remote scripts) and bytes sent to this host after connecting. */
  stats: { round_trips: number; bytes_sent: number };
}

// A result with nothing done yet.
export function blankResult(host: { name: string; customer: string }): HostResult {
  return {
    host: host.name,
    customer: host.customer,
    status: 'ok',
    changes: [],
    restarted: [],
    services: [],
    daemon_reload: false,
    not_run: [],
    masked: [],
    health: [],
    error: null,
    recovered: null,
    error_code: null,
    stats: { round_trips: 0, bytes_sent: 0 },
  };
}

// Mark a result failed or unreachable with a one-line reason.
export function withError(
  result: HostResult,
  status: 'failed' | 'unreachable',
  error: HfleetError | Error,
): HostResult {
  const code = errorCodeOf(error);
  return { ...result, status, error: error.message.split('\n')[0] ?? error.message, error_code: code };
}

// End the host's session (releasing its lock) and record its round trips and bytes in the result.
export function closeSession(result: HostResult, session: ShellSession | undefined): HostResult {
  if (session) {
    result.stats = { round_trips: session.stats.roundTrips, bytes_sent: session.stats.bytesSent };
    session.end();
  }
  return result;
}
