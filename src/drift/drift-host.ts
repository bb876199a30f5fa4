// Drift of one host: one read-only round trip (facts + drop-in texts), then pure findings.

import { errorCodeOf, isUnreachable } from '../engine/connection-codes.js';
import { READ_STEP_TIMEOUT_SEC } from '../engine/deadlines.js';
import { errorMessage, HfleetError } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import { factRequestFor } from '../facts/request.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import type { ShellSession } from '../remote/shell-session.js';
import { driftScript, parseDropinTexts } from './drift-script.js';
import { hostFindings } from './host-findings.js';
import type { DriftHostResult } from './types.js';

/** How long the read-only round trip may take. */
export const DRIFT_STEP_TIMEOUT_MS = READ_STEP_TIMEOUT_SEC * 1000;

// Compare one host with its resolved tasks; never throws for a host-level failure.
export async function driftHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  timeoutMs = DRIFT_STEP_TIMEOUT_MS,
): Promise<DriftHostResult> {
  const result: DriftHostResult = {
    host: host.name,
    customer: host.customer,
    status: 'clean',
    findings: [],
    error: null,
    error_code: null,
    recovered: null,
    stats: { round_trips: 0 },
  };
  let session: ShellSession | undefined;
  try {
    session = await openSession(host);
    const request = factRequestFor(tasks);
    const run = await session.run(driftScript(request), { timeoutMs, what: 'reading facts' });
    const facts = parseFacts(run.stdout, request);
    if (facts.now === undefined) throw new Error(`reading facts failed: ${run.stderr.trim() || 'no output'}`);
    if (facts.lock && !facts.lock.acquired)
      throw new HfleetError(
        'LOCKED',
        `${host.name}: a run is in progress (${facts.lock.holder}); its half-done state is not drift, run drift again when it ends`,
      );
    result.recovered = facts.recovery ? describeRecovery(facts.recovery) : null;
    result.findings = hostFindings(tasks, facts, {
      knownDropins: host.vars.known_dropins,
      dropinTexts: parseDropinTexts(run.stdout),
    });
    result.status = result.findings.length > 0 ? 'drifted' : 'clean';
  } catch (error) {
    result.status = isUnreachable(error, session !== undefined) ? 'unreachable' : 'error';
    result.error = errorMessage(error);
    result.error_code = errorCodeOf(error);
  } finally {
    if (session) {
      result.stats.round_trips = session.stats.roundTrips;
      session.end();
    }
  }
  return result;
}
