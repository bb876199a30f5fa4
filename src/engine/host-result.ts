// The result of one host in an apply or restart: what the JSON documents' `hosts` entries hold (docs/apply.md).
import type { HealthOutcome } from '../remote/health-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { ReportedChange } from '../tasks/plan-types.js';
import { failureFields, type HostRun } from './run-on-host.js';

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

/** A result with nothing done yet. */
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

/** The finished result of a host's run: its session's counters, and its error when the run failed. */
export function finishHostResult(result: HostResult, run: HostRun<ShellSession>): HostResult {
  const stats = run.handle?.stats;
  const finished = stats
    ? { ...result, stats: { round_trips: stats.roundTrips, bytes_sent: stats.bytesSent } }
    : result;
  if (!run.failure) return finished;
  return {
    ...finished,
    status: run.failure.unreachable ? 'unreachable' : 'failed',
    ...failureFields(run.failure),
  };
}
