// What serve shows as a unit's health: the shared verdict (src/health) plus a restart seen between sweeps.
import { judgeHealth, type ProbeOutcome, unitStateOf } from '../health/index.js';
import type { UnitStatus } from '../status/status-rows.js';

/** A unit's health as the page, the metrics and the history show it. */
export type UnitHealth = 'healthy' | 'crash-loop' | 'unhealthy' | 'stopped';

/** What the classification reads: the status row, the unit's `systemctl show` values, the last sweep. */
export interface UnitHealthInput {
  status: UnitStatus;
  props: Readonly<Record<string, string>> | undefined;
  /** NRestarts seen by the previous sweep, when there was one. */
  previousRestarts: number | null | undefined;
}

// The endpoint's answer as the shared verdict reads it (the facts keep a code, 0 for no answer).
function probeOf(code: number | null): ProbeOutcome | undefined {
  if (code === null) return undefined;
  return code > 0 ? { kind: 'http', code } : { kind: 'error', message: 'no answer' };
}

// The unit's health and, when not healthy, why in one line.
export function unitHealth({ status, props, previousRestarts }: UnitHealthInput): {
  state: UnitHealth;
  reason: string;
} {
  const verdict = judgeHealth({
    unit: status.unit,
    state: unitStateOf(props),
    probe: probeOf(status.health),
    hasEndpoint: status.health !== null,
    activeForSec: status.uptime_sec ?? undefined,
  });
  const grew =
    previousRestarts !== null &&
    previousRestarts !== undefined &&
    status.restarts !== null &&
    status.restarts > previousRestarts;
  if (verdict.trouble?.kind === 'crash-loop' || grew) {
    return { state: 'crash-loop', reason: verdict.reason || 'systemd restarted it since the last sweep' };
  }
  if (verdict.healthy) return { state: 'healthy', reason: '' };
  return { state: status.active === 'inactive' ? 'stopped' : 'unhealthy', reason: verdict.reason };
}
