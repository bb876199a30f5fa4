// Status of one host: one read-only round trip (`systemctl show` + health on the host), then unit rows.

import { DRIFT_STEP_TIMEOUT_MS } from '../drift/drift-host.js';
import { errorCodeOf, isUnreachable } from '../engine/connection-codes.js';
import { errorMessage } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import { factRequestFor } from '../facts/request.js';
import { factsScript } from '../facts/script.js';
import type { FactRequest } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import type { ShellSession } from '../remote/shell-session.js';
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

// Read one host's unit states; never throws for a host-level failure.
export async function statusHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  timeoutMs = DRIFT_STEP_TIMEOUT_MS,
): Promise<StatusHostResult> {
  const result: StatusHostResult = {
    host: host.name,
    customer: host.customer,
    status: 'healthy',
    units: [],
    error: null,
    error_code: null,
    recovered: null,
  };
  let session: ShellSession | undefined;
  try {
    session = await openSession(host);
    const request = statusRequest(tasks);
    const run = await session.run(factsScript(request), {
      timeoutMs,
      what: 'reading status',
    });
    const facts = parseFacts(run.stdout, request);
    if (facts.now === undefined)
      throw new Error(`reading status failed: ${run.stderr.trim() || 'no output'}`);
    result.recovered = facts.recovery ? describeRecovery(facts.recovery) : null;
    result.units = unitStatuses(tasks, facts);
    result.status = result.units.every((unit) => unit.healthy) ? 'healthy' : 'unhealthy';
  } catch (error) {
    result.status = isUnreachable(error, session !== undefined) ? 'unreachable' : 'error';
    result.error = errorMessage(error);
    result.error_code = errorCodeOf(error);
  } finally {
    session?.end();
  }
  return result;
}
