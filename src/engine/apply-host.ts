// Converge one host: lock + facts in one round trip, plan, apply in one more, then health when needed.
import { errorMessage } from '../errors.js';
import { factRequestFor } from '../facts/request.js';
import type { HostFacts } from '../facts/types.js';
import { judgeReading } from '../health/index.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedHealthTask, ResolvedTask } from '../playbook/types.js';
import { healthWaits } from '../remote/health-script.js';
import type { SessionOpener } from '../remote/open-session.js';
import type { ShellSession } from '../remote/shell-session.js';
import { planHost } from '../tasks/plan-host.js';
import { type HostPlan, planChangesHost } from '../tasks/plan-types.js';
import { doneReport, plannedSteps } from './done-report.js';
import type { EventSink } from './events.js';
import { unifiedDiff } from './file-diff.js';
import { gatherFacts, noteRecovery } from './gather-facts.js';
import { HealthTimeoutError } from './health-timeout-error.js';
import { blankResult, finishHostResult, type HostResult } from './host-result.js';
import { executePlan, rollbackPlan, runPlan, waitHealthy } from './host-steps.js';
import { runOnHost } from './run-on-host.js';

/** How an apply run behaves. */
export interface ApplyOptions {
  check: boolean;
  diff: boolean;
  /** Seconds to wait for another run's lock on a host; 0 fails at once. */
  lockWaitSec: number;
  /** Who runs this, for the lock holder and the audit log, e.g. `alice@laptop pid 42 hfleet apply`. */
  who: string;
  /** Deadline of one non-health round trip. */
  stepTimeoutMs: number;
  /** On a failed health gate, put the previous files back, restart and check again (rolling applies). */
  rollback: boolean;
  /** `--settle`: the settle window of every health check; undefined keeps each task's own. */
  settleSec?: number | undefined;
  /** `--unmask`: unmask masked units and manage them (default: leave them alone and say so). */
  unmask?: boolean | undefined;
}

function healthyInFacts(check: ResolvedHealthTask, facts: HostFacts): boolean {
  const hasEndpoint = check.port !== undefined;
  const probe = facts.health.get(check.unit);
  return judgeReading(check.unit, facts.units.get(check.unit), probe, hasEndpoint, facts).healthy;
}

/** The health checks this run must wait for: touched units, and any not healthy before the run. */
export function healthChecksNeeded(plan: HostPlan, facts: HostFacts): ResolvedHealthTask[] {
  const touched = new Set([...plan.restart, ...plan.start]);
  return plan.health.filter((check) => touched.has(check.unit) || !healthyInFacts(check, facts));
}

// Put back the files a failed plan changed, restart, and check health again; the outcome as one phrase.
async function rollBack(
  session: ShellSession,
  host: Host,
  plan: HostPlan,
  checks: ResolvedHealthTask[],
  options: ApplyOptions,
  emit: EventSink,
): Promise<string> {
  emit({ type: 'host-phase', host: host.name, phase: 'rollback' });
  try {
    await runPlan(session, host.name, rollbackPlan(plan), `${options.who} (rollback)`, options.stepTimeoutMs);
    await waitHealthy(session, host.name, healthWaits(checks, options.settleSec), options.stepTimeoutMs);
    return 'rolled back to the previous files, healthy again';
  } catch (error) {
    return `rollback failed too: ${errorMessage(error)}`;
  }
}

/** Apply a host's resolved tasks and return its result; never throws for a host-level failure. */
export async function applyHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  options: ApplyOptions,
  emit: EventSink,
): Promise<HostResult> {
  let result = blankResult(host);
  emit({ type: 'host-phase', host: host.name, phase: 'connecting' });
  const run = await runOnHost(host, openSession, async (session) => {
    emit({ type: 'host-phase', host: host.name, phase: 'facts' });
    const request = factRequestFor(tasks);
    const lock = options.check ? undefined : { waitSec: options.lockWaitSec, holder: options.who };
    const facts = await gatherFacts(session, host.name, request, lock, options.stepTimeoutMs);
    result.recovered = noteRecovery(host.name, facts, emit);
    const plan = planHost(tasks, facts, { unmask: options.unmask === true });
    result = { ...result, status: planChangesHost(plan) ? 'changed' : 'ok', masked: plan.masked };
    // --check reports the plan; a run reports what its script did (doneReport below).
    if (options.check) Object.assign(result, doneReport(plan, plannedSteps(plan)));
    if (options.diff) {
      result.diffs = plan.files.map((file) => ({
        path: file.path,
        diff: unifiedDiff(file.path, file.before, file.content),
      }));
    }
    if (options.check) return;
    if (planChangesHost(plan)) {
      emit({ type: 'host-phase', host: host.name, phase: 'applying' });
      const executed = await executePlan(session, host.name, plan, options.who, options.stepTimeoutMs);
      for (const step of executed.done) emit({ type: 'verbose', host: host.name, message: step });
      Object.assign(result, doneReport(plan, executed.done, executed.failedStep));
      if (executed.error) throw executed.error;
    }
    const checks = healthChecksNeeded(plan, facts);
    if (checks.length > 0) emit({ type: 'host-phase', host: host.name, phase: 'health' });
    try {
      const waits = healthWaits(checks, options.settleSec);
      result.health = await waitHealthy(session, host.name, waits, options.stepTimeoutMs);
    } catch (error) {
      if (!(error instanceof HealthTimeoutError)) throw error;
      result.health = error.outcomes;
      if (!options.rollback || plan.files.length === 0) throw error;
      const outcome = await rollBack(session, host, plan, checks, options, emit);
      throw new HealthTimeoutError(`${error.message}; ${outcome}`, error.outcomes);
    }
  });
  return finishHostResult(result, run);
}
