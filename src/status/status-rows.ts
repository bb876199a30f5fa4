// The health loop of the vendor's page, per unit: is-active, /api/health, MainPID, memory, restarts, uptime.
import { unixSeconds } from '../facts/show-properties.js';
import type { HostFacts } from '../facts/types.js';
import type { ResolvedTask } from '../playbook/types.js';

/** One unit's line in `hfleet status`. */
export interface UnitStatus {
  unit: string;
  /** ActiveState, e.g. `active`, `inactive`, `failed`. */
  active: string;
  sub: string;
  /** HTTP status of /api/health on the host (0: no answer); null when the unit has no endpoint. */
  health: number | null;
  main_pid: number | null;
  memory_bytes: number | null;
  /** MemoryMax as systemd shows it: bytes or `infinity` (null when unset). */
  memory_max: string | null;
  restarts: number | null;
  /** Seconds since the unit became active; null when not active. */
  uptime_sec: number | null;
  healthy: boolean;
}

// The units `status` reports: those that should run, then any other health-checked unit.
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

function count(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  // systemd prints 2^64-1 for "not set" in some versions.
  return number >= 2 ** 63 ? null : number;
}

// The status of each unit from the host's facts.
export function unitStatuses(tasks: readonly ResolvedTask[], facts: HostFacts): UnitStatus[] {
  const ports = new Map(
    tasks.flatMap((task) =>
      task.module === 'health' && task.port !== undefined ? [[task.unit, task.port]] : [],
    ),
  );
  return statusUnits(tasks).map((unit) => {
    const props = facts.units.get(unit) ?? {};
    const active = props['ActiveState'] ?? 'unknown';
    const health = ports.has(unit) ? (facts.health.get(unit) ?? 0) : null;
    const since = unixSeconds(props['ActiveEnterTimestamp']);
    const pid = count(props['MainPID']);
    return {
      unit,
      active,
      sub: props['SubState'] ?? '',
      health,
      main_pid: pid === 0 ? null : pid,
      memory_bytes: count(props['MemoryCurrent']),
      memory_max: props['MemoryMax'] || null,
      restarts: count(props['NRestarts']),
      uptime_sec: active === 'active' && since && facts.now ? Math.max(0, facts.now - since) : null,
      healthy: active === 'active' && (health === null || health === 200),
    };
  });
}
