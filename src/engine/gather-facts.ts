// The first round trip of a run on a host: take its lock (unless only reading) and gather its facts.
import { HfleetError } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import { factsScript, type LockRequest } from '../facts/script.js';
import type { FactRequest, HostFacts } from '../facts/types.js';
import { describeRecovery } from '../remote/commit-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { EventSink } from './events.js';
import { assertLockAcquired } from './host-lock.js';
import { lastLine } from './host-steps.js';

/** Gather the requested facts in one round trip, under the host lock when `lock` is given. */
export async function gatherFacts(
  session: ShellSession,
  hostName: string,
  request: FactRequest,
  lock: LockRequest | undefined,
  stepTimeoutMs: number,
): Promise<HostFacts> {
  const run = await session.run(factsScript(request, lock), {
    timeoutMs: stepTimeoutMs + (lock?.waitSec ?? 0) * 1000,
    what: lock ? 'taking the host lock and gathering facts' : 'gathering facts',
  });
  const facts = parseFacts(run.stdout, request);
  assertLockAcquired(hostName, facts);
  if (lock && !facts.lock) {
    throw new HfleetError('REMOTE_COMMAND', `${hostName}: gathering facts failed: ${lastLine(run.stderr)}`);
  }
  return facts;
}

/** Say what the facts round trip did about an interrupted run (a warning on the host), for the host's result. */
export function noteRecovery(hostName: string, facts: HostFacts, emit: EventSink): string | null {
  if (!facts.recovery) return null;
  const message = describeRecovery(facts.recovery);
  emit({ type: 'warning', host: hostName, message });
  return message;
}
