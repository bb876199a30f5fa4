// What serve knows about the fleet: per host its units (with health), drift findings and reachability.

import type { Finding } from '../drift/types.js';
import type { UnitStatus } from '../status/status-rows.js';
import type { UnitHealth } from './unit-health.js';

/** A status row with serve's health verdict. */
export interface UnitView extends UnitStatus {
  state: UnitHealth;
}

/** A host's overall state on the page, worst first. */
export type HostState = 'unreachable' | 'error' | 'unhealthy' | 'drifted' | 'healthy' | 'pending';

/** One host as the last sweep saw it. */
export interface HostView {
  host: string;
  customer: string;
  display_name: string;
  groups: string[];
  state: HostState;
  units: UnitView[];
  findings: Finding[];
  /** One line when unreachable or error. */
  error: string | null;
  error_code: string | null;
  /** When the host was last read (ISO), null before the first answer. */
  checked_at: string | null;
}

/** The whole fleet after a sweep. */
export interface FleetSnapshot {
  /** Counts sweeps since serve started (0: none finished yet). */
  sweep: number;
  at: string | null;
  /** Duration of the last sweep in seconds. */
  seconds: number;
  hosts: HostView[];
}
