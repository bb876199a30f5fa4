// What serve calls healthy, per unit: the one place its health classification comes from.
import type { UnitStatus } from '../drift/status-rows.js';

/** A unit's health as the page, the metrics and the history show it. */
export type UnitHealth = 'healthy' | 'crash-loop' | 'unhealthy' | 'stopped';

/** What the classification reads beyond the status row. */
export interface UnitHealthInput {
  status: UnitStatus;
  /** systemd's `Result` of the unit (e.g. `start-limit-hit`). */
  result: string | undefined;
  /** NRestarts seen by the previous sweep, when there was one. */
  previousRestarts: number | null | undefined;
}

// Crash loop: systemd is between automatic restarts, gave up on them, or restarted it since the last sweep.
function isCrashLooping({ status, result, previousRestarts }: UnitHealthInput): boolean {
  if (status.sub === 'auto-restart' || result === 'start-limit-hit') return true;
  return (
    previousRestarts !== null &&
    previousRestarts !== undefined &&
    status.restarts !== null &&
    status.restarts > previousRestarts
  );
}

// The unit's health: a crash loop first, then stopped, then the status row's own verdict.
export function unitHealth(input: UnitHealthInput): UnitHealth {
  if (isCrashLooping(input)) return 'crash-loop';
  if (input.status.active === 'inactive') return 'stopped';
  return input.status.healthy ? 'healthy' : 'unhealthy';
}
