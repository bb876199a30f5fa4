// Drift of one host: one read-only round trip (facts + drop-in texts), then pure findings.
import { READ_STEP_TIMEOUT_MS, readFacts } from '../engine/read-facts.js';
import { failureFields, runOnHost } from '../engine/run-on-host.js';
import { HfleetError } from '../errors.js';
import { factRequestFor } from '../facts/request.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import { driftScript, parseDropinTexts } from './drift-script.js';
import { hostFindings } from './host-findings.js';
import type { DriftHostResult, Finding } from './types.js';

/** Compare one host with its resolved tasks; never throws for a host-level failure. */
export async function driftHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  timeoutMs = READ_STEP_TIMEOUT_MS,
): Promise<DriftHostResult> {
  let findings: Finding[] = [];
  let recovered: string | null = null;
  const run = await runOnHost(host, openSession, async (session) => {
    const request = factRequestFor(tasks);
    const { facts, stdout } = await readFacts(
      session,
      driftScript(request),
      request,
      'reading facts',
      timeoutMs,
    );
    if (facts.lock && !facts.lock.acquired)
      throw new HfleetError(
        'LOCKED',
        `${host.name}: a run is in progress (${facts.lock.holder}); its half-done state is not drift, run drift again when it ends`,
      );
    recovered = facts.recovery ? describeRecovery(facts.recovery) : null;
    findings = hostFindings(tasks, facts, {
      knownDropins: host.vars.known_dropins,
      dropinTexts: parseDropinTexts(stdout),
    });
  });
  const failed = run.failure && (run.failure.unreachable ? 'unreachable' : 'error');
  return {
    host: host.name,
    customer: host.customer,
    status: failed ?? (findings.length > 0 ? 'drifted' : 'clean'),
    findings,
    ...failureFields(run.failure),
    recovered,
    stats: { round_trips: run.handle?.stats.roundTrips ?? 0 },
  };
}
