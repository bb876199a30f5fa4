// The round trips an apply-like run makes on a host, each one script in the host's session.
import { HfleetError } from '../errors.js';
import type { ResolvedHealthTask } from '../playbook/types.js';
import { applyScript, parseApplyOutput } from '../remote/apply-script.js';
import {
  describeUnhealthy,
  type HealthOutcome,
  healthScript,
  parseHealthOutput,
} from '../remote/health-script.js';
import type { ShellSession } from '../remote/shell-session.js';
import type { HostPlan } from '../tasks/plan-types.js';

/** How long one round trip other than a health wait may take: restarting services on a loaded host is slow. */
export const STEP_TIMEOUT_MS = 300_000;

// The last non-empty line of some output, for one-line error messages.
export function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] || 'no output';
}

function planSummary(plan: HostPlan): string {
  const files = plan.files.map((file) => `${file.action} ${file.path}`);
  return [...files, ...plan.restart.map((unit) => `restarted ${unit}`)].join('; ') || 'no file changed';
}

// The line of a failed step's output that says why: systemctl ends with a `See "systemctl status ..."` pointer.
export function failureReason(output: string): string {
  return lastLine(
    output
      .split('\n')
      .filter((line) => !/^See "(systemctl|journalctl) /.test(line.trim()))
      .join('\n'),
  );
}

// Run a plan's apply script; resolves to the steps done, throws REMOTE_COMMAND naming the first that failed.
export async function runPlan(
  session: ShellSession,
  hostName: string,
  plan: HostPlan,
  who: string,
  timeoutMs: number,
): Promise<string[]> {
  const run = await session.run(applyScript(plan, who, planSummary(plan)), {
    timeoutMs,
    what: 'applying changes',
  });
  const outcome = parseApplyOutput(run.stdout);
  if (outcome.failed) {
    throw new HfleetError(
      'REMOTE_COMMAND',
      `${hostName}: ${outcome.failed.step} failed: ${failureReason(outcome.failed.output)}`,
    );
  }
  if (run.status !== 0)
    throw new HfleetError('REMOTE_COMMAND', `${hostName}: apply script failed: ${lastLine(run.stderr)}`);
  return outcome.done;
}

// Wait on the host until every check passes or times out; throws HEALTH_TIMEOUT for the first failing one.
export async function waitHealthy(
  session: ShellSession,
  hostName: string,
  checks: readonly ResolvedHealthTask[],
  slackMs: number,
): Promise<HealthOutcome[]> {
  if (checks.length === 0) return [];
  const longest = Math.max(...checks.map((check) => check.timeoutSec));
  const run = await session.run(healthScript(checks), {
    timeoutMs: longest * 1000 + slackMs,
    what: 'health checks',
  });
  const outcomes = parseHealthOutput(run.stdout);
  const bad = checks.find((check) => !outcomes.find((outcome) => outcome.unit === check.unit)?.healthy);
  if (bad) {
    const error = new HfleetError(
      'HEALTH_TIMEOUT',
      `${hostName}: ${describeUnhealthy(
        bad,
        outcomes.find((outcome) => outcome.unit === bad.unit),
      )}`,
    );
    Object.assign(error, { outcomes });
    throw error;
  }
  return outcomes;
}

// The plan that puts back what a plan changed: previous contents (or no file), reload, restart the same units.
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
  };
}
