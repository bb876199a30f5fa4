// Restart a host's services under its lock, then gate on health and a settle window.
import { HfleetError } from '../errors.js';
import type { FactRequest } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedHealthTask } from '../playbook/types.js';
import { describeUnhealthy, healthScript, parseHealthOutput } from '../remote/health-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import { settleScript, unsettledUnits } from '../remote/settle-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import { shellCommand } from '../util/shell-quote.js';
import { isUnreachable } from './connection-codes.js';
import type { EventSink } from './events.js';
import { gatherFacts } from './gather-facts.js';
import { blankResult, closeSession, type HostResult, withError } from './host-result.js';

/** How a host is restarted. */
export interface RestartOptions {
  who: string;
  lockWaitSec: number;
  /** Seconds a restarted unit must hold still (no new restart, same main process) after health passed. */
  settleSec: number;
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
    const missing = units.filter((unit) => facts.units.get(unit)?.['LoadState'] !== 'loaded');
    if (missing.length > 0)
      throw new HfleetError(
        'REMOTE_COMMAND',
        `${host.name}: ${missing.join(', ')} not installed (run hfleet apply first)`,
      );
    emit({ type: 'host-phase', host: host.name, phase: 'restarting' });
    const longest = Math.max(1, ...checks.map((check) => check.timeoutSec));
    const run = await session.run(`${restartLines(units)}\n${healthScript(checks)}`, {
      timeoutMs: longest * 1000 + options.stepTimeoutMs,
      what: 'restart and health checks',
    });
    result = { ...result, status: 'changed', restarted: [...units] };
    const failedRestart = /^X\t(.*)$/m.exec(run.stdout);
    if (failedRestart)
      throw new HfleetError('REMOTE_COMMAND', `${host.name}: systemctl restart ${failedRestart[1]} failed`);
    result.health = parseHealthOutput(run.stdout);
    const bad = checks.find((check) => !result.health.find((h) => h.unit === check.unit)?.healthy);
    if (bad) {
      throw new HfleetError(
        'HEALTH_TIMEOUT',
        `${host.name}: ${describeUnhealthy(
          bad,
          result.health.find((h) => h.unit === bad.unit),
        )}`,
      );
    }
    if (options.settleSec > 0) {
      const settle = await session.run(settleScript(units, options.settleSec), {
        timeoutMs: options.settleSec * 1000 + options.stepTimeoutMs,
        what: 'settle window',
      });
      const unsettled = unsettledUnits(settle.stdout);
      if (unsettled.length > 0)
        throw new HfleetError(
          'HEALTH_TIMEOUT',
          `${host.name}: ${unsettled[0]!.unit}: ${unsettled[0]!.reason}`,
        );
    }
    return closeSession(result, session);
  } catch (error) {
    const status = isUnreachable(error, session !== undefined) ? 'unreachable' : 'failed';
    return closeSession(withError(result, status, error as Error), session);
  }
}
