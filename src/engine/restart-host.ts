// Restart a host's services under its lock, then gate on health and a settle window.
import { HfleetError } from '../errors.js';
import type { FactRequest } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedHealthTask } from '../playbook/types.js';
import { healthScript, healthWaits, parseHealthOutput } from '../remote/health-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import type { ShellSession } from '../remote/shell-session.js';
import { shellCommand } from '../util/shell-quote.js';
import { isUnreachable } from './connection-codes.js';
import type { EventSink } from './events.js';
import { gatherFacts, noteRecovery } from './gather-facts.js';
import { blankResult, closeSession, type HostResult, withError } from './host-result.js';
import { healthBudgetMs, healthFailure } from './host-steps.js';

/** How a host is restarted. */
export interface RestartOptions {
  who: string;
  lockWaitSec: number;
  /** Seconds a restarted unit must hold still (no new restart, same main process) after health passed. */
  settleSec: number | undefined;
  stepTimeoutMs: number;
}

function restartLines(units: readonly string[]): string {
  return units
    .map(
      (unit) =>
        `${shellCommand(['systemctl', 'restart', unit])} || { printf 'X\\t%s\\n' ${shellCommand([unit])}; return 0; }`,
    )
    .join('\n');
}

// Restart `units` on the host and wait until each is healthy and settled; a result, never a throw.
export async function restartHost(
  host: Host,
  units: readonly string[],
  checks: readonly ResolvedHealthTask[],
  openSession: SessionOpener,
  options: RestartOptions,
  emit: EventSink,
): Promise<HostResult> {
  let result = blankResult(host);
  let session: ShellSession | undefined;
  try {
    emit({ type: 'host-phase', host: host.name, phase: 'connecting' });
    session = await openSession(host);
    const request: FactRequest = {
      files: [],
      dropinDirs: [],
      users: [],
      ownership: [],
      units: [...units],
      health: [],
      exists: [],
    };
    const lock = { waitSec: options.lockWaitSec, holder: options.who };
    const facts = await gatherFacts(session, host.name, request, lock, options.stepTimeoutMs);
    result.recovered = noteRecovery(host.name, facts, emit);
    const missing = units.filter((unit) => facts.units.get(unit)?.['LoadState'] !== 'loaded');
    if (missing.length > 0)
      throw new HfleetError(
        'REMOTE_COMMAND',
        `${host.name}: ${missing.join(', ')} not installed (run hfleet apply first)`,
      );
    emit({ type: 'host-phase', host: host.name, phase: 'restarting' });
    const waits = healthWaits(checks, options.settleSec);
    const run = await session.run(`${restartLines(units)}\n${healthScript(waits)}`, {
      timeoutMs: healthBudgetMs(waits, options.stepTimeoutMs),
      what: 'restart and health checks',
    });
    // The restarts stop at the first that fails: the units before it restarted, those after it never ran.
    const failedRestart = /^X\t(.*)$/m.exec(run.stdout)?.[1];
    const failedAt = failedRestart === undefined ? units.length : units.indexOf(failedRestart);
    result = {
      ...result,
      status: 'changed',
      restarted: units.slice(0, failedAt),
      not_run: units.slice(failedAt + 1).map((unit) => `restart ${unit}`),
    };
    if (failedRestart !== undefined)
      throw new HfleetError('REMOTE_COMMAND', `${host.name}: systemctl restart ${failedRestart} failed`);
    result.health = parseHealthOutput(run.stdout, waits);
    const failure = healthFailure(host.name, waits, result.health);
    if (failure) throw failure;
    return closeSession(result, session);
  } catch (error) {
    const status = isUnreachable(error, session !== undefined) ? 'unreachable' : 'failed';
    return closeSession(withError(result, status, error as Error), session);
  }
}
