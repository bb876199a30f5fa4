// The health loop of the vendor's page, per unit: is-active, /api/health, MainPID, memory, restarts, uptime.
import type { HostFacts } from '../facts/types.js';
import { activeForSec, describeProbe, judgeReading, probeCode } from '../health/index.js';
import type { ResolvedTask } from '../playbook/types.js';
import { isMasked } from '../tasks/masked.js';

/** One unit's line in `hfleet status`. */
export interface UnitStatus {
  unit: string;
  /** ActiveState, e.g. `active`, `inactive`, `failed`. */
  active: string;
  sub: string;
  /** HTTP status of /api/health on the host (0: no answer); null when the unit has no endpoint. */
  health: number | null;
  /** What the endpoint probe gave, e.g. `HTTP 200`, `connection refused`; null when no endpoint. */
  probe: string | null;
  main_pid: number | null;
  memory_bytes: number | null;
  /** MemoryMax as systemd shows it: bytes or `infinity` (null when unset). */
  memory_max: string | null;
  restarts: number | null;
  /** Seconds since the unit became active; null when not active. */
  uptime_sec: number | null;
  healthy: boolean;
  /** True when the unit is masked (an operator's decision: systemd will not start it). */
  masked: boolean;
  /** `crash-loop` or `failed` when systemd's state says so, else null. */
  problem: 'crash-loop' | 'failed' | null;
  /** Why the unit is not healthy, one line; empty when healthy. */
  reason: string;
}

/** The units `status` reports: those that should run, then any other health-checked unit. */
export function statusUnits(tasks: readonly ResolvedTask[]): string[] {
  const units: string[] = [];
  for (const task of tasks) {
    if (task.module === 'service' && task.state === 'started' && !units.includes(task.unit))
      units.push(task.unit);
  }
  for (const task of tasks) {
    if (task.module === 'health' && !units.includes(task.unit)) units.push(task.unit);
  }
  return units;
}

/** Why a masked unit that does not run is not healthy. */
export const MASKED_REASON = "masked: an operator's decision (apply --unmask would manage it again)";

function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  // systemd prints 2^64-1 for "not set" in some versions.
  return number >= 2 ** 63 ? null : number;
}

/** The status of each unit from the host's facts. */
export function unitStatuses(tasks: readonly ResolvedTask[], facts: HostFacts): UnitStatus[] {
  const ports = new Map(
    tasks.flatMap((task) =>
      task.module === 'health' && task.port !== undefined ? [[task.unit, task.port]] : [],
    ),
  );
  return statusUnits(tasks).map((unit) => {
    const props = facts.units.get(unit) ?? {};
    const probe = ports.has(unit) ? facts.health.get(unit) : undefined;
    const verdict = judgeReading(unit, props, probe, ports.has(unit), facts);
    const pid = count(props['MainPID']);
    const masked = isMasked(props);
    return {
      unit,
      active: props['ActiveState'] ?? 'unknown',
      sub: props['SubState'] ?? '',
      health: ports.has(unit) ? probeCode(probe) : null,
      probe: ports.has(unit) ? describeProbe(probe) : null,
      main_pid: pid === 0 ? null : pid,
      memory_bytes: count(props['MemoryCurrent']),
      memory_max: props['MemoryMax'] || null,
      restarts: count(props['NRestarts']),
      uptime_sec: activeForSec(props, facts) ?? null,
      healthy: verdict.healthy,
      masked,
      problem: verdict.trouble?.kind ?? null,
      // A masked unit that does not run: the mask is the reason, not its inactive state (docs/status.md).
      reason: masked && !verdict.healthy ? MASKED_REASON : verdict.reason,
    };
  });
}
