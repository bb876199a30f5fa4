// A status row (one unit of `hfleet status`) as a converged host shows it, for status tests to vary.
import type { UnitStatus } from '../../src/status/status-rows.js';

/** hub-platform running and healthy, as the converged host fixture records it; `changes` override fields. */
export function platformRow(changes: Partial<UnitStatus> = {}): UnitStatus {
  return {
    unit: 'hub-platform.service',
    active: 'active',
    sub: 'running',
    health: 200,
    main_pid: 412,
    memory_bytes: 31457280,
    memory_max: '943718400',
    restarts: 0,
    uptime_sec: 3600,
    healthy: true,
    masked: false,
    probe: 'HTTP 200',
    problem: null,
    reason: '',
    ...changes,
  };
}
