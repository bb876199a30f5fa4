// The apply job behind `hfleet apply` (and the demo): plan every host, run in parallel or rolling, report.

import { applyHost } from '../engine/apply-host.js';
import { parseBatchSize, planBatches } from '../engine/batches.js';
import { STEP_TIMEOUT_SEC } from '../engine/deadlines.js';
import type { EngineEvent } from '../engine/events.js';
import type { HostResult } from '../engine/host-result.js';
import { withHostSessions } from '../engine/host-sessions.js';
import { emptyRolloutReport, type RolloutReport, runRollout } from '../engine/rollout.js';
import { runFleet, summarize } from '../engine/run-fleet.js';
import { EXIT } from '../exit-codes.js';
import { loadPlannedFleet } from '../fleet/fleet-input.js';
import { recordRun } from '../history/record-run.js';
import type { TransportKind } from '../inventory/types.js';
import type { ResolvedTask } from '../playbook/types.js';
import { humanApplyReporter } from '../report/apply-human.js';
import { applyJson } from '../report/apply-json.js';
import { applyJunitCases } from '../report/junit-cases.js';
import { progressWriter } from '../report/progress-lines.js';
import { rolloutJson } from '../report/rollout-json.js';
import { connectionLog, lockWaitSeconds, secondsToMs } from './common-options.js';
import { interruptionFields, watchStopSignals } from './interrupt.js';
import { whoAmI } from './who.js';
import { checkOutputOption, writeReport } from './write-report.js';

/** Everything `hfleet apply` takes. */
export interface ApplyRequest {
  inventory: string;
  limit: string | undefined;
  playbook: string | undefined;
  check: boolean;
  diff: boolean;
  forks: number | undefined;
  lockWait: number;
  verbose: boolean;
  json: boolean;
  rolling: boolean;
  batch: string | undefined;
  maxFail: number;
  rollback: boolean;
  /** `--settle`: every health check's settle window; undefined keeps each task's own. */
  settle?: number | undefined;
  /** `--unmask`: unmask masked units and manage them. */
  unmask?: boolean | undefined;
  sshConfig?: string | undefined;
  transport?: TransportKind | undefined;
  /** `--quiet`: no per-host lines on stderr. */
  quiet?: boolean | undefined;
  /** `--output junit FILE`. */
  output?: string[] | undefined;
  /** Seconds one round trip may take (`--step-timeout`; default STEP_TIMEOUT_SEC). */
  stepTimeout?: number | undefined;
  /** Seconds each health check may take, instead of the health_timeout var (`--health-timeout`). */
  healthTimeout?: number | undefined;
}

// Give every health check of every host the same timeout (`--health-timeout`).
function overrideHealthTimeouts(tasks: Map<string, ResolvedTask[]>, timeoutSec: number): void {
  for (const [host, list] of tasks)
    tasks.set(
      host,
      list.map((task) => (task.module === 'health' ? { ...task, timeoutSec } : task)),
    );
}

/** Run an apply as asked, print its report (JSON on stdout, progress on stderr); resolves to the exit code. */
export async function runApply(request: ApplyRequest): Promise<number> {
  checkOutputOption(request.output);
  const stepTimeoutMs = secondsToMs('step-timeout', request.stepTimeout ?? STEP_TIMEOUT_SEC);
  const healthTimeoutSec =
    request.healthTimeout === undefined
      ? undefined
      : secondsToMs('health-timeout', request.healthTimeout) / 1000;
  const fleet = loadPlannedFleet(request.inventory, request.limit, request.playbook, {
    sshConfig: request.sshConfig,
    transport: request.transport,
  });
  if (healthTimeoutSec !== undefined) overrideHealthTimeouts(fleet.tasks, healthTimeoutSec);
  const batches = request.rolling
    ? planBatches(fleet.inventory, fleet.hosts, parseBatchSize(request.batch))
    : undefined;
  const progress = progressWriter({ quiet: request.quiet });
  const reporter = request.json
    ? undefined
    : humanApplyReporter({
        verbose: request.verbose,
        check: request.check,
        hostLines: !progress && !request.quiet,
      });
  const emit = (event: EngineEvent) => {
    if (reporter) reporter.onEvent(event);
    else if (event.type === 'warning')
      process.stderr.write(`warning: ${event.host ?? ''} ${event.message}\n`);
  };
  const options = {
    check: request.check,
    diff: request.diff,
    lockWaitSec: lockWaitSeconds(request.lockWait),
    who: whoAmI('apply'),
    stepTimeoutMs,
    rollback: request.rolling && request.rollback,
    settleSec: request.settle,
    unmask: request.unmask,
  };
  const started = performance.now();
  const selected = fleet.hosts.map((host) => host.name);
  let results: HostResult[] = [];
  let rollout: RolloutReport | undefined;
  const interrupt = watchStopSignals();
  const finished: HostResult[] = [];
  const documentOf = (done: HostResult[], unfinished?: string[]) => {
    const cut = unfinished ? { selected, unfinished } : undefined;
    const seconds = (performance.now() - started) / 1000;
    return {
      ...applyJson(done, summarize(done), seconds),
      ...interruptionFields(
        interrupt,
        selected,
        done.map((result) => result.host),
        unfinished,
      ),
      ...(rollout ? { rollout: rolloutJson(rollout, cut) } : {}),
    };
  };
  if (request.json)
    interrupt.setForcedReport((unfinished) =>
      process.stdout.write(`${JSON.stringify(documentOf(finished, unfinished))}\n`),
    );
  const onResult = (result: HostResult, seconds: number) => {
    finished.push(result);
    emit({ type: 'host-done', result });
    progress?.(result, seconds);
  };
  try {
    await withHostSessions(
      async (openSession) => {
        const job = (host: (typeof fleet.hosts)[number]) =>
          applyHost(host, fleet.tasks.get(host.name) ?? [], openSession, options, emit);
        if (batches) {
          rollout = emptyRolloutReport();
          await runRollout(
            batches,
            job,
            {
              maxFail: request.maxFail,
              stop: interrupt.stop,
              forks: request.forks,
              emit,
              onResult: (result, seconds) => {
                finished.push(result);
                progress?.(result, seconds);
              },
            },
            rollout,
          );
          results = rollout.results;
        } else {
          results = (
            await runFleet(fleet.hosts, job, { forks: request.forks, onResult, stop: interrupt.stop })
          ).results;
        }
      },
      {
        onWarning: (message) => emit({ type: 'warning', host: undefined, message }),
        onLog: connectionLog(request.verbose),
      },
    );
    const summary = summarize(results);
    const seconds = (performance.now() - started) / 1000;
    const document = documentOf(results);
    interrupt.setForcedReport(undefined);
    if (reporter) process.stdout.write(reporter.finish(results, summary, seconds, rollout, document));
    else process.stdout.write(`${JSON.stringify(document)}\n`);
    writeReport(request.output, 'hfleet apply', () => applyJunitCases(results));
    const halted = rollout?.halted === true;
    const failed = summary.failed + summary.unreachable > 0 || halted;
    const exitCode = interrupt.exitCode(failed ? EXIT.hostFailed : EXIT.ok);
    if (!request.check) recordRun('apply', selected, exitCode, document);
    return exitCode;
  } finally {
    interrupt.dispose();
  }
}
