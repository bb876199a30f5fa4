// What serve shows as a unit's health: the shared verdict (src/health) plus a restart seen between sweeps.
import type { UnitStatus } from '../status/status-rows.js';

/** A unit's health as the page, the metrics and the history show it. */
export type UnitHealth = 'healthy' | 'crash-loop' | 'unhealthy' | 'stopped';

/** What the classification reads: the status row and the last sweep. */
export interface UnitHealthInput {
  status: UnitStatus;
  /** NRestarts seen by the previous sweep, when there was one. */
  previousRestarts: number | null | undefined;
}

/**
 * The unit's health and, when not healthy, why in one line: the status row's verdict (the shared definition,
 * with the probe's outcome named), plus a restart seen between sweeps.
 */
export function unitHealth({ status, previousRestarts }: UnitHealthInput): {
  state: UnitHealth;
  reason: string;
} {
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
