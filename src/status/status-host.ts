// Status of one host: one read-only round trip (`systemctl show` + health on the host), then unit rows.

import { readFacts } from '../engine/read-facts.js';
import { type HostReadJob, readOnHost } from '../engine/read-on-host.js';
import { factRequestFor } from '../facts/request.js';
import { factsScript } from '../facts/script.js';
import type { FactRequest } from '../facts/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { statusUnits, type UnitStatus, unitStatuses } from './status-rows.js';

/** A host's outcome in a status run. */
export interface StatusHostResult {
  host: string;
  customer: string;
  status: 'healthy' | 'unhealthy' | 'unreachable' | 'error';
  units: UnitStatus[];
  error: string | null;
  error_code: string | null;
  /** What this run did first about an earlier run cut short on the host (finished or rolled back), else null. */
  recovered: string | null;
}

// Only units and health: status reads no file.
function statusRequest(tasks: readonly ResolvedTask[]): FactRequest {
  const full = factRequestFor(tasks);
  const units = statusUnits(tasks);
  return { files: [], dropinDirs: [], users: [], ownership: [], exists: [], units, health: full.health };
}

/** Read one host's unit states (a held lock waited for up to `lockWaitSec`); never throws for a host-level failure. */
export const statusHost: HostReadJob<StatusHostResult> = async (
  host,
  { tasks, openSession, timeoutMs, lockWaitSec },
) => {
  const reading = await readOnHost(host, openSession, async (session) => {
    const request = statusRequest(tasks);
    const script = factsScript(request, undefined, { waitSec: lockWaitSec });
    const wait = timeoutMs + lockWaitSec * 1000;
    const { facts } = await readFacts(session, script, request, 'reading status', wait);
    return { facts, value: unitStatuses(tasks, facts) };
  });
  const units = reading.value ?? [];
  return {
    host: host.name,
    customer: host.customer,
    status: reading.failed ?? (units.every((unit) => unit.healthy) ? 'healthy' : 'unhealthy'),
    units,
    ...reading.failure,
    recovered: reading.recovered,
  };
};
