// The settle window: after a unit looked healthy, it must hold still (same process, no restart, still active).
import { activeAsTypeMeans, describeState, type UnitState } from './active-state.js';

/** Seconds a started or restarted unit must hold still after it looked healthy, unless a task says otherwise. */
export const DEFAULT_SETTLE_SEC = 5;

/** Why a unit did not hold still between two readings, or undefined when it did. */
export function unsettledReason(unit: string, before: UnitState, after: UnitState): string | undefined {
  if (after.restarts > before.restarts) {
    const times = after.restarts - before.restarts;
    return `crash loop: systemd restarted it ${times} time${times === 1 ? '' : 's'} within the settle window`;
  }
  if (!activeAsTypeMeans(unit, after)) return `${describeState(after)} within the settle window`;
  if (after.mainPid !== before.mainPid)
    return `main process changed within the settle window (${before.mainPid} -> ${after.mainPid})`;
  return undefined;
}
