// One host's read in a sweep: the drift script over the kept shell (no handshake), then its view.
import { readDriftFacts } from '../drift/read-drift-facts.js';
import { READ_STEP_TIMEOUT_MS } from '../engine/read-facts.js';
import { failureFields, runOnHost } from '../engine/run-on-host.js';
import type { ResolvedTask } from '../playbook/types.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { HostLink } from './host-link.js';
import { failedView, hostViewFromFacts } from './host-view.js';
import type { HostView } from './types.js';

// The link's shell for one read: the link keeps it open across sweeps, so the read does not end it.
async function keptSession(link: HostLink): Promise<{ session: ShellSession; end: () => void }> {
  return { session: await link.session(), end: () => {} };
}

/** Status and drift of one host in one round trip; never throws (a failure is the view's state). */
export async function readHost(
  link: HostLink,
  tasks: readonly ResolvedTask[],
  previous: HostView | undefined,
  timeoutMs = READ_STEP_TIMEOUT_MS,
): Promise<HostView> {
  let view: HostView | undefined;
  const run = await runOnHost(
    link.host,
    () => keptSession(link),
    async ({ session }) => {
      const { facts, dropinTexts } = await readDriftFacts(session, tasks, 'reading the host', timeoutMs);
      const checkedAt = new Date().toISOString();
      view = hostViewFromFacts(link.host, tasks, facts, dropinTexts, previous, checkedAt);
    },
  );
  if (view && !run.failure) return view;
  if (run.handle) link.drop();
  const { error, error_code } = failureFields(run.failure);
  const state = run.failure?.unreachable ? 'unreachable' : 'error';
  return failedView(link.host, previous, state, { message: error ?? '', code: error_code ?? 'UNEXPECTED' });
}
