// Restart a host's services under its lock, then gate on health and a settle window.
import { HfleetError } from '../errors.js';
import type { FactRequest, HostFacts } from '../facts/types.js';
import { DEFAULT_SETTLE_SEC } from '../health/index.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedHealthTask, ResolvedTask } from '../playbook/types.js';
import { healthWaits, parseHealthOutput } from '../remote/health-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import { failedRestart, restartScript } from '../remote/restart-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { EventSink } from './events.js';
import { gatherFacts, noteRecovery } from './gather-facts.js';
import { blankResult, finishHostResult, type HostResult } from './host-result.js';
import { healthBudgetMs, healthFailure } from './host-steps.js';
import { runOnHost } from './run-on-host.js';

/** How a host is restarted. */
export interface RestartOptions {
  who: string;
  lockWaitSec: number;
  /** Seconds a restarted unit must hold still (no new restart, same main process) after health passed. */
  settleSec: number | undefined;
  stepTimeoutMs: number;
  /** Seconds each service has to become healthy (`--health-timeout`); default: each check's own timeout. */
  healthTimeoutSec?: number | undefined;
}

/**
 * The health check of each unit to restart: the playbook's `health` task for it, else "active" within the
 * host's `health_timeout`; `--health-timeout` overrides every check's timeout.
 */
export function restartHealthChecks(
  host: Host,
  tasks: readonly ResolvedTask[],
  units: readonly string[],
  timeoutSec: number | undefined,
): ResolvedHealthTask[] {
  return units.map((unit) => {
    const planned = tasks.find(
      (task): task is ResolvedHealthTask => task.module === 'health' && task.unit === unit,
    );
    const check: ResolvedHealthTask = planned ?? {
      module: 'health',
      name: 'active',
      unit,
      port: undefined,
      path: '/',
      timeoutSec: host.vars.health_timeout,
      settleSec: DEFAULT_SETTLE_SEC,
    };
    return timeoutSec === undefined ? check : { ...check, timeoutSec };
  });
}

// Take the host lock and check every unit is installed (a restart never creates a unit).
async function lockInstalledUnits(
  session: ShellSession,
  host: Host,
  units: readonly string[],
  options: RestartOptions,
): Promise<HostFacts> {
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
  return facts;
}

/** Restart `units` on the host and wait until each is healthy and settled; a result, never a throw. */
export async function restartHost(
  host: Host,
  units: readonly string[],
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  options: RestartOptions,
  emit: EventSink,
): Promise<HostResult> {
  const checks = restartHealthChecks(host, tasks, units, options.healthTimeoutSec);
  let result = blankResult(host);
  emit({ type: 'host-phase', host: host.name, phase: 'connecting' });
  const run = await runOnHost(host, openSession, async (session) => {
    const facts = await lockInstalledUnits(session, host, units, options);
    result.recovered = noteRecovery(host.name, facts, emit);
    emit({ type: 'host-phase', host: host.name, phase: 'restarting' });
    const waits = healthWaits(checks, options.settleSec);
    const restart = await session.run(restartScript(units, waits), {
      timeoutMs: healthBudgetMs(waits, options.stepTimeoutMs),
      what: 'restart and health checks',
    });
    // The restarts stop at the first that fails: the units before it restarted, those after it never ran.
    const failedUnit = failedRestart(restart.stdout);
    const failedAt = failedUnit === undefined ? units.length : units.indexOf(failedUnit);
    result = {
      ...result,
      status: 'changed',
      restarted: units.slice(0, failedAt),
      not_run: units.slice(failedAt + 1).map((unit) => `restart ${unit}`),
    };
    if (failedUnit !== undefined)
      throw new HfleetError('REMOTE_COMMAND', `${host.name}: systemctl restart ${failedUnit} failed`);
    result.health = parseHealthOutput(restart.stdout, waits);
    const failure = healthFailure(host.name, waits, result.health);
    if (failure) throw failure;
  });
  return finishHostResult(result, run);
}
