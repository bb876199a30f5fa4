// Status of one host: one read-only round trip (`systemctl show` + health on the host), then unit rows.

import { READ_STEP_TIMEOUT_MS, readFacts } from '../engine/read-facts.js';
import { failureFields, runOnHost } from '../engine/run-on-host.js';
import { factRequestFor } from '../facts/request.js';
import { factsScript } from '../facts/script.js';
import type { FactRequest } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { SessionOpener } from '../remote/open-session.js';
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

/** Read one host's unit states; never throws for a host-level failure. */
export async function statusHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  timeoutMs = READ_STEP_TIMEOUT_MS,
): Promise<StatusHostResult> {
  let units: UnitStatus[] = [];
  let recovered: string | null = null;
  const run = await runOnHost(host, openSession, async (session) => {
    const request = statusRequest(tasks);
    const { facts } = await readFacts(session, factsScript(request), request, 'reading status', timeoutMs);
    recovered = facts.recovery ? describeRecovery(facts.recovery) : null;
    units = unitStatuses(tasks, facts);
  });
  const failed = run.failure && (run.failure.unreachable ? 'unreachable' : 'error');
  return {
    host: host.name,
    customer: host.customer,
    status: failed ?? (units.every((unit) => unit.healthy) ? 'healthy' : 'unhealthy'),
    units,
    ...failureFields(run.failure),
    recovered,
  };
}
