// Converge one host: lock + facts in one round trip, plan, apply in one more, then health when needed.
import { HfleetError } from '../errors.js';
import { parseFacts } from '../facts/parse.js';
import { factRequestFor } from '../facts/request.js';
import { factsScript } from '../facts/script.js';
import type { HostFacts } from '../facts/types.js';
import type { Host } from '../inventory/types.js';
import type { ResolvedHealthTask, ResolvedTask } from '../playbook/types.js';
import { applyScript, parseApplyOutput } from '../remote/apply-script.js';
import { describeUnhealthy, healthScript, parseHealthOutput } from '../remote/health-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import { planHost } from '../tasks/plan-host.js';
import {
  type HostPlan,
  planChangesHost,
  reportedChanges,
  reportedServiceActions,
} from '../tasks/plan-types.js';
import type { EventSink } from './events.js';
import { unifiedDiff } from './file-diff.js';
import { blankResult, type HostResult, withError } from './host-result.js';

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
}

/** Opens the run's remote shell on a host (one per host per run). */
export type SessionOpener = (host: Host) => Promise<ShellSession>;

const CONNECTION_CODES = new Set([
  'SSH_AUTH',
  'SSH_TIMEOUT',
  'SSH_DNS',
  'SSH_REFUSED',
  'SSH_SOCKET',
  'HOST_KEY_UNKNOWN',
  'HOST_KEY_MISMATCH',
  'SSH_CONFIG',
]);

function healthyInFacts(check: ResolvedHealthTask, facts: HostFacts): boolean {
  const active = facts.units.get(check.unit)?.['ActiveState'] === 'active';
  return active && (check.port === undefined || facts.health.get(check.unit) === 200);
}

// The health checks this run must wait for: touched units, and any not healthy before the run.
export function healthChecksNeeded(plan: HostPlan, facts: HostFacts): ResolvedHealthTask[] {
  const touched = new Set([...plan.restart, ...plan.start]);
  return plan.health.filter((check) => touched.has(check.unit) || !healthyInFacts(check, facts));
}

function planSummary(plan: HostPlan): string {
  const files = plan.files.map((file) => `${file.action} ${file.path}`);
  return [...files, ...plan.restart.map((unit) => `restarted ${unit}`)].join('; ') || 'no file changed';
}

// Apply a host's resolved tasks and return its result; never throws for a host-level failure.
export async function applyHost(
  host: Host,
  tasks: readonly ResolvedTask[],
  openSession: SessionOpener,
  options: ApplyOptions,
  emit: EventSink,
): Promise<HostResult> {
  let result = blankResult(host);
  let session: ShellSession | undefined;
  try {
    emit({ type: 'host-phase', host: host.name, phase: 'connecting' });
    session = await openSession(host);
    emit({ type: 'host-phase', host: host.name, phase: 'facts' });
    const request = factRequestFor(tasks);
    const lock = options.check ? undefined : { waitSec: options.lockWaitSec, holder: options.who };
    const factsRun = await session.run(factsScript(request, lock), {
      timeoutMs: options.stepTimeoutMs + options.lockWaitSec * 1000,
      what: 'gathering facts',
    });
    const facts = parseFacts(factsRun.stdout, request);
    if (facts.lock && !facts.lock.acquired) {
      throw new HfleetError(
        'LOCKED',
        `${host.name}: another hfleet run holds the host lock (${facts.lock.holder || 'holder unknown'})`,
      );
    }
    if (lock && !facts.lock)
      throw new HfleetError(
        'REMOTE_COMMAND',
        `${host.name}: gathering facts failed: ${lastLine(factsRun.stderr)}`,
      );
    const plan = planHost(tasks, facts);
    result = {
      ...result,
      status: planChangesHost(plan) ? 'changed' : 'ok',
      changes: reportedChanges(plan),
      restarted: plan.restart,
      services: reportedServiceActions(plan),
      daemon_reload: plan.daemonReload,
    };
    if (options.diff)
      result.diffs = plan.files.map((file) => ({
        path: file.path,
        diff: unifiedDiff(file.path, file.before, file.content),
      }));
    if (options.check) return finish(result, session);
    if (planChangesHost(plan)) {
      emit({ type: 'host-phase', host: host.name, phase: 'applying' });
      const run = await session.run(applyScript(plan, options.who, planSummary(plan)), {
        timeoutMs: options.stepTimeoutMs,
        what: 'applying changes',
      });
      const outcome = parseApplyOutput(run.stdout);
      if (outcome.failed || run.status !== 0) {
        const reason = outcome.failed
          ? `${outcome.failed.step} failed: ${lastLine(outcome.failed.output)}`
          : `apply script failed: ${lastLine(run.stderr)}`;
        throw new HfleetError('REMOTE_COMMAND', `${host.name}: ${reason}`);
      }
    }
    const checks = healthChecksNeeded(plan, facts);
    if (checks.length > 0) {
      emit({ type: 'host-phase', host: host.name, phase: 'health' });
      const longest = Math.max(...checks.map((check) => check.timeoutSec));
      const run = await session.run(healthScript(checks), {
        timeoutMs: longest * 1000 + options.stepTimeoutMs,
        what: 'health checks',
      });
      result.health = parseHealthOutput(run.stdout);
      const bad = checks.filter((check) => !result.health.find((h) => h.unit === check.unit)?.healthy);
      if (bad.length > 0) {
        const first = bad[0]!;
        throw new HfleetError(
          'HEALTH_TIMEOUT',
          `${host.name}: ${describeUnhealthy(
            first,
            result.health.find((h) => h.unit === first.unit),
          )}`,
        );
      }
    }
    return finish(result, session);
  } catch (error) {
    const code = error instanceof HfleetError ? error.code : undefined;
    const unreachable =
      code !== undefined && CONNECTION_CODES.has(code) && result.stats.round_trips === 0 && !session;
    const failed = withError(result, unreachable ? 'unreachable' : 'failed', error as Error);
    return finish(failed, session);
  }
}

function finish(result: HostResult, session: ShellSession | undefined): HostResult {
  if (session) {
    result.stats = { round_trips: session.stats.roundTrips, bytes_sent: session.stats.bytesSent };
    session.end();
  }
  return result;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] || 'no output';
}
