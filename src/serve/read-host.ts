// One host's read in a sweep: the drift script over the kept shell (no handshake), then its view; a managed file
// is sent again only when its stat signature changed since the link's last read.
import { readDriftFacts } from '../drift/read-drift-facts.js';
import { READ_STEP_TIMEOUT_MS } from '../engine/read-facts.js';
import { failureFields, runOnHost } from '../engine/run-on-host.js';
import type { HostFacts, KnownFile } from '../facts/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { HostLink } from './host-link.js';
import { failedView, hostViewFromFacts } from './host-view.js';
import type { HostView } from './types.js';

// The link's shell for one read: the link keeps it open across sweeps, so the read does not end it.
async function keptSession(link: HostLink): Promise<{ session: ShellSession; end: () => void }> {
  return { session: await link.session(), end: () => {} };
}

// Keep each regular file's content with the signature it was read with; forget what is gone or unsigned.
function rememberFiles(known: Map<string, KnownFile>, facts: HostFacts): void {
  known.clear();
  for (const [path, fact] of facts.files) {
    if (fact.signature && fact.content !== undefined)
      known.set(path, { signature: fact.signature, content: fact.content });
  }
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
      const { facts, dropinTexts } = await readDriftFacts(
        session,
        tasks,
        'reading the host',
        timeoutMs,
        0,
        link.knownFiles,
      );
      rememberFiles(link.knownFiles, facts);
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
