// The one round trip of a read-only command (drift, status, serve): a facts script, no lock, parsed.
import { HfleetError } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import type { FactRequest, HostFacts, KnownFiles } from '../facts/types.js';
import type { ShellSession } from '../remote/shell-session.js';
import { READ_STEP_TIMEOUT_SEC } from './deadlines.js';

/** How long a read-only round trip may take by default. */
export const READ_STEP_TIMEOUT_MS = READ_STEP_TIMEOUT_SEC * 1000;

/** Run a facts script for `request` and parse it (`known`: the contents the script was sent signatures of); REMOTE_COMMAND when the script printed no facts. */
export async function readFacts(
  session: ShellSession,
  script: string,
  request: FactRequest,
  what: string,
  timeoutMs = READ_STEP_TIMEOUT_MS,
  known?: KnownFiles,
): Promise<{ facts: HostFacts; stdout: string }> {
  const run = await session.run(script, { timeoutMs, what });
  const facts = parseFacts(run.stdout, request, known);
  if (facts.now === undefined)
    throw new HfleetError('REMOTE_COMMAND', `${what} failed: ${run.stderr.trim() || 'no output'}`);
  return { facts, stdout: run.stdout };
}
