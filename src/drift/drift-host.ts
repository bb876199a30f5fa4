// Drift of one host: one read-only round trip (facts + drop-in texts), then pure findings.
import { type HostReadJob, readOnHost } from '../engine/read-on-host.js';
import { HfleetError } from '../errors.js';
import { hostFindings } from './host-findings.js';
import { readDriftFacts } from './read-drift-facts.js';
import type { DriftHostResult } from './types.js';

/** Compare one host with its resolved tasks (a held lock waited for up to `lockWaitSec`); never throws for a host-level failure. */
export const driftHost: HostReadJob<DriftHostResult> = async (
  host,
  { tasks, openSession, timeoutMs, lockWaitSec },
) => {
  const reading = await readOnHost(host, openSession, async (session) => {
    const { facts, dropinTexts } = await readDriftFacts(
      session,
      tasks,
      'reading facts',
      timeoutMs,
      lockWaitSec,
    );
    if (facts.lock && !facts.lock.acquired)
      throw new HfleetError(
        'LOCKED',
        `${host.name}: a run is in progress (${facts.lock.holder}); its half-done state is not drift, run drift again when it ends`,
      );
    return {
      facts,
      value: hostFindings(tasks, facts, { knownDropins: host.vars.known_dropins, dropinTexts }),
    };
  });
  const findings = reading.value ?? [];
  return {
    host: host.name,
    customer: host.customer,
    status: reading.failed ?? (findings.length > 0 ? 'drifted' : 'clean'),
    findings,
    ...reading.failure,
    recovered: reading.recovered,
    stats: { round_trips: reading.roundTrips },
  };
};
