// One host's read in a sweep: the drift script over the kept shell (no handshake), then its view.
import { DRIFT_STEP_TIMEOUT_MS } from '../drift/drift-host.js';
import { driftScript, parseDropinTexts } from '../drift/drift-script.js';
import { errorCodeOf, isUnreachable } from '../engine/connection-codes.js';
import { errorMessage } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import { factRequestFor } from '../facts/request.js';
import type { ResolvedTask } from '../playbook/types.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { HostLink } from './host-link.js';
import { failedView, hostViewFromFacts } from './host-view.js';
import type { HostView } from './types.js';

// Status and drift of one host in one round trip; never throws (a failure is the view's state).
export async function readHost(
  link: HostLink,
  tasks: readonly ResolvedTask[],
  previous: HostView | undefined,
  timeoutMs = DRIFT_STEP_TIMEOUT_MS,
): Promise<HostView> {
  let session: ShellSession | undefined;
  try {
    session = await link.session();
    const request = factRequestFor(tasks);
    const run = await session.run(driftScript(request), { timeoutMs, what: 'reading the host' });
    const facts = parseFacts(run.stdout, request);
    if (facts.now === undefined)
      throw new Error(`reading the host failed: ${run.stderr.trim() || 'no output'}`);
    const checkedAt = new Date().toISOString();
    return hostViewFromFacts(link.host, tasks, facts, parseDropinTexts(run.stdout), previous, checkedAt);
  } catch (error) {
    if (session) link.drop();
    const state = isUnreachable(error, session !== undefined) ? 'unreachable' : 'error';
    return failedView(link.host, previous, state, { message: errorMessage(error), code: errorCodeOf(error) });
  }
}
