// The round trips an apply-like run makes on a host, each one script in the host's session.

import { HfleetError } from '../errors.js';
import { applyScript, parseApplyOutput } from '../remote/apply-script.js';
import {
  describeUnhealthy,
  type HealthOutcome,
  type HealthWait,
  healthScript,
  parseHealthOutput,
} from '../remote/health-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { HostPlan } from '../tasks/plan-types.js';
import { STEP_TIMEOUT_SEC } from './deadlines.js';
import { HealthTimeoutError } from './health-timeout-error.js';

/** How long one round trip other than a health wait may take, by default. */
export const STEP_TIMEOUT_MS = STEP_TIMEOUT_SEC * 1000;

/** The last non-empty line of some output, for one-line error messages. */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] || 'no output';
}

function planSummary(plan: HostPlan): string {
  const files = plan.files.map((file) => `${file.action} ${file.path}`);
  return [...files, ...plan.restart.map((unit) => `restarted ${unit}`)].join('; ') || 'no file changed';
}

/** The line of a failed step's output that says why: systemctl ends with a `See "systemctl status ..."` pointer. */
export function failureReason(output: string): string {
  return lastLine(
    output
      .split('\n')
      .filter((line) => !/^See "(systemctl|journalctl) /.test(line.trim()))
      .join('\n'),
  );
}

/** What running a plan's apply script did: the steps done, and the error of the first that failed. */
export interface PlanRun {
  done: string[];
  /** The label of the step that failed, if one did. */
  failedStep: string | undefined;
  error: HfleetError | undefined;
}

/** Run a plan's apply script; never throws for a failed step (it is the run's `error`), only for a lost session. */
export async function executePlan(
  session: ShellSession,
  hostName: string,
  plan: HostPlan,
  who: string,
  timeoutMs: number,
): Promise<PlanRun> {
  const run = await session.run(applyScript(plan, who, planSummary(plan)), {
    timeoutMs,
    what: 'applying changes',
  });
  const outcome = parseApplyOutput(run.stdout);
  const error = outcome.failed
    ? new HfleetError(
        'REMOTE_COMMAND',
        `${hostName}: ${outcome.failed.step} failed: ${failureReason(outcome.failed.output)}`,
      )
    : run.status !== 0
      ? new HfleetError('REMOTE_COMMAND', `${hostName}: apply script failed: ${lastLine(run.stderr)}`)
      : undefined;
  return { done: outcome.done, failedStep: outcome.failed?.step, error };
}

/** Run a plan's apply script; resolves to the steps done, throws REMOTE_COMMAND naming the first that failed. */
export async function runPlan(
  session: ShellSession,
  hostName: string,
  plan: HostPlan,
  who: string,
  timeoutMs: number,
): Promise<string[]> {
  const run = await executePlan(session, hostName, plan, who, timeoutMs);
  if (run.error) throw run.error;
  return run.done;
}

/** How long a health wait may take: the longest timeout, the longest settle window, and slack. */
export function healthBudgetMs(waits: readonly HealthWait[], slackMs: number): number {
  const longest = Math.max(0, ...waits.map((wait) => wait.timeoutSec));
  const settle = Math.max(0, ...waits.map((wait) => wait.settleSec));
  return (longest + settle) * 1000 + slackMs;
}

/** The HEALTH_TIMEOUT error for the first unhealthy outcome, carrying every outcome; undefined when all passed. */
export function healthFailure(
  hostName: string,
  waits: readonly HealthWait[],
  outcomes: HealthOutcome[],
): HealthTimeoutError | undefined {
  const bad = waits.find((wait) => !outcomes.find((outcome) => outcome.unit === wait.unit)?.healthy);
  if (!bad) return undefined;
  const outcome = outcomes.find((o) => o.unit === bad.unit);
  return new HealthTimeoutError(`${hostName}: ${describeUnhealthy(bad, outcome)}`, outcomes);
}

/** Wait on the host until every unit is healthy and settled or out of time; throws HEALTH_TIMEOUT for the first that is not. */
export async function waitHealthy(
  session: ShellSession,
  hostName: string,
  waits: readonly HealthWait[],
  slackMs: number,
): Promise<HealthOutcome[]> {
  if (waits.length === 0) return [];
  const run = await session.run(healthScript(waits), {
    timeoutMs: healthBudgetMs(waits, slackMs),
    what: 'health checks',
  });
  const outcomes = parseHealthOutput(run.stdout, waits);
  const failure = healthFailure(hostName, waits, outcomes);
  if (failure) throw failure;
  return outcomes;
}

/** The plan that puts back what a plan changed: previous contents (or no file), reload, restart the same units. */
export function rollbackPlan(plan: HostPlan): HostPlan {
  const files = plan.files.map((file) => ({
    ...file,
    action: file.before === undefined ? ('removed' as const) : ('updated' as const),
    content: file.before ?? null,
    before: file.content ?? undefined,
  }));
  return {
    files,
    users: [],
    chown: [],
    commands: [],
    daemonReload: files.some((file) => file.task !== 'file'),
    stop: [],
    disable: [],
    restart: plan.restart,
    owedRestarts: [],
    start: [],
    enable: [],
    health: plan.health,
    masked: [],
    unmask: [],
  };
}
