// `hfleet restart`: a rolling, health-gated restart of customers' services, batch by batch.

import type { Argv } from 'yargs';
import { parseBatchSize, planBatches } from '../../engine/batches.js';
import { STEP_TIMEOUT_SEC } from '../../engine/deadlines.js';
import type { EngineEvent } from '../../engine/events.js';
import { withHostSessions } from '../../engine/host-sessions.js';
import { restartHost } from '../../engine/restart-host.js';
import { emptyRolloutReport, runRollout } from '../../engine/rollout.js';
import { EXIT } from '../../exit-codes.js';
import { loadPlannedFleet } from '../../fleet/fleet-input.js';
import { recordRun } from '../../history/record-run.js';
import type { Host } from '../../inventory/types.js';
import { progressWriter } from '../../report/progress-lines.js';
import { rolloutHuman } from '../../report/rollout-human.js';
import { rolloutJson } from '../../report/rollout-json.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import {
  connectionLog,
  lockWaitSeconds,
  secondsToMs,
  withBatchOptions,
  withForksOption,
  withHealthOptions,
  withInventoryOptions,
  withLockWaitOption,
  withQuietOption,
  withSshConfigOption,
  withStepTimeoutOption,
  withVerboseOption,
} from '../common-options.js';
import { watchStopSignals } from '../interrupt.js';
import { whoAmI } from '../who.js';

/** The units to restart on a host: --services (names with or without `.service`), else its core services. */
export function unitsToRestart(host: Host, services: string | undefined): string[] {
  const names = services
    ? services
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : host.vars.services;
  return names.map((name) => (name.includes('.') ? name : `${name}.service`));
}

// The options of `hfleet restart`.
function restartOptions(yargs: Argv) {
  const common = withStepTimeoutOption(
    withQuietOption(withVerboseOption(withSshConfigOption(withInventoryOptions(yargs)))),
    STEP_TIMEOUT_SEC,
  );
  return withLockWaitOption(
    withForksOption(
      withHealthOptions(withBatchOptions(common)),
      'hosts of a batch restarted at once (default: all, up to 200)',
    ),
  )
    .option('services', {
      type: 'string',
      describe: "comma list of services (default: each host's services)",
    })
    .example('$0 restart', 'restart every customer, one customer per batch, canary first')
    .example('$0 restart --batch 25% --max-fail 1 --services hub-cloud', 'quarter of the fleet at a time')
    .example('$0 restart --limit acme --json', 'one customer, machine-readable');
}

/** The yargs module of `hfleet restart`. */
export function restartCommand(setExitCode: SetExitCode) {
  return defineCommand('restart', restartOptions, async (args) => {
    const stepTimeoutMs = secondsToMs('step-timeout', args.stepTimeout);
    const size = parseBatchSize(args.batch);
    const fleet = loadPlannedFleet(args.inventory, args.limit, undefined, {
      sshConfig: args.sshConfig,
      transport: args.transport,
    });
    const batches = planBatches(fleet.inventory, fleet.hosts, size);
    const progress = progressWriter({ quiet: args.quiet });
    const human = args.json ? undefined : rolloutHuman({ hostLines: !progress && !args.quiet });
    const emit = (event: EngineEvent) => human?.onEvent(event);
    const options = {
      who: whoAmI('restart'),
      lockWaitSec: lockWaitSeconds(args.lockWait),
      settleSec: args.settle,
      stepTimeoutMs,
      healthTimeoutSec: args.healthTimeout,
    };
    const selected = fleet.hosts.map((host) => host.name);
    const interrupt = watchStopSignals();
    const report = emptyRolloutReport();
    if (args.json)
      interrupt.setForcedReport((unfinished) =>
        process.stdout.write(`${JSON.stringify(rolloutJson(report, { selected, unfinished }))}\n`),
      );
    try {
      await withHostSessions(
        (openSession) =>
          runRollout(
            batches,
            (host) => {
              const units = unitsToRestart(host, args.services);
              return restartHost(host, units, fleet.tasks.get(host.name) ?? [], openSession, options, emit);
            },
            { maxFail: args.maxFail, stop: interrupt.stop, forks: args.forks, emit, onResult: progress },
            report,
          ),
        { onLog: connectionLog(args.verbose) },
      );
      const document = rolloutJson(report);
      interrupt.setForcedReport(undefined);
      if (human) process.stdout.write(human.finish(report));
      else process.stdout.write(`${JSON.stringify(document)}\n`);
      const failed = report.halted || report.failed.length > 0;
      const exitCode = interrupt.exitCode(failed ? EXIT.hostFailed : EXIT.ok);
      recordRun('restart', selected, exitCode, document);
      setExitCode(exitCode);
    } finally {
      interrupt.dispose();
    }
  });
}
