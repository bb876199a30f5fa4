// What serve shows as a unit's health: the shared verdict (src/health) plus a restart seen between sweeps.
import type { UnitStatus } from '../status/status-rows.js';

/** A unit's health as the page, the metrics and the history show it. */
export type UnitHealth = 'healthy' | 'crash-loop' | 'masked' | 'unhealthy' | 'stopped';

/** What the classification reads: the status row and the last sweep. */
export interface UnitHealthInput {
  status: UnitStatus;
  /** NRestarts seen by the previous sweep, when there was one. */
  previousRestarts: number | null | undefined;
}

/**
 * The unit's health and, when not healthy, why in one line: `masked` for a masked unit that does not run, else
 * the status row's verdict (the shared definition, with the probe's outcome named), plus a restart seen between
 * sweeps.
 */
export function unitHealth({ status, previousRestarts }: UnitHealthInput): {
  state: UnitHealth;
  reason: string;
} {
  // A masked unit that does not run is the operator's decision: named as such, not as stopped or failed.
  if (status.masked && !status.healthy) return { state: 'masked', reason: status.reason };
  const grew =
    previousRestarts !== null &&
    previousRestarts !== undefined &&
    status.restarts !== null &&
    status.restarts > previousRestarts;
  if (status.problem === 'crash-loop' || grew) {
    return { state: 'crash-loop', reason: status.reason || 'systemd restarted it since the last sweep' };
  }
  if (status.healthy) return { state: 'healthy', reason: '' };
  return { state: status.active === 'inactive' ? 'stopped' : 'unhealthy', reason: status.reason };
}
