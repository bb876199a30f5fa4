// The drift round trip, which drift and serve both read a host with: facts and the texts of its drop-ins.
import { readFacts } from '../engine/read-facts.js';
import { factRequestFor } from '../facts/request.js';
import type { HostFacts, KnownFiles } from '../facts/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import type { ShellSession } from '../remote/shell-session.js';
import { driftScript, parseDropinTexts } from './drift-script.js';

/**
 * Read the facts `tasks` need and the texts of the host's drop-ins, in one round trip over `session`; a held
 * host lock is waited for up to `lockWaitSec` (the deadline grows by as much). A file in `known` whose stat
 * signature has not changed is not sent again: its content is the known one.
 */
export async function readDriftFacts(
  session: ShellSession,
  tasks: readonly ResolvedTask[],
  what: string,
  timeoutMs: number,
  lockWaitSec = 0,
  known?: KnownFiles,
): Promise<{ facts: HostFacts; dropinTexts: Map<string, string> }> {
  const request = factRequestFor(tasks);
  const script = driftScript(request, lockWaitSec, known);
  const { facts, stdout } = await readFacts(
    session,
    script,
    request,
    what,
    timeoutMs + lockWaitSec * 1000,
    known,
  );
  return { facts, dropinTexts: parseDropinTexts(stdout, request, facts) };
}
