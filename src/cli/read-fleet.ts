// The shape shared by the read-only fleet commands (drift, status): options, then one job per host.
import type { Argv } from 'yargs';
import { READ_STEP_TIMEOUT_SEC } from '../engine/deadlines.js';
import { withHostSessions } from '../engine/host-sessions.js';
import type { HostReadJob } from '../engine/read-on-host.js';
import { runFleet } from '../engine/run-fleet.js';
import { loadPlannedFleet } from '../fleet/fleet-input.js';
import { recordRun } from '../history/record-run.js';
import type { JunitCase } from '../report/junit.js';
import { type ProgressEntry, progressWriter } from '../report/progress-lines.js';
import type {
  InventoryArgs,
  OutputArgs,
  QuietArgs,
  SshConfigArgs,
  StepTimeoutArgs,
  VerboseArgs,
} from './common-options.js';
import {
  connectionLog,
  lockWaitSeconds,
  secondsToMs,
  withFleetRunOptions,
  withVerboseOption,
} from './common-options.js';
import { interruptedLine, interruptionFields, watchStopSignals } from './interrupt.js';
import { checkOutputOption, writeReport } from './write-report.js';

/** The options of a read-only fleet command. */
export interface ReadFleetArgs extends InventoryArgs, SshConfigArgs, OutputArgs, StepTimeoutArgs, QuietArgs {
  playbook: string | undefined;
  forks: number | undefined;
  verbose?: VerboseArgs['verbose'] | undefined;
  lockWait: number;
}

/**
 * Add the options every read-only fleet command takes: inventory, --limit, --json, --ssh-config, --output,
 * --playbook, --forks, -v, --quiet, --lock-wait and --step-timeout (default: READ_STEP_TIMEOUT_SEC).
 */
export function withReadFleetOptions<T>(yargs: Argv<T>, verb: string) {
  return withFleetRunOptions(
    withVerboseOption(yargs),
    READ_STEP_TIMEOUT_SEC,
    `hosts ${verb} at once (default: all, up to 200)`,
  );
}

/** How a read-only command reports a run: its JSON document, its human text, its JUnit cases and exit code. */
export interface ReadFleetReport {
  kind: 'drift' | 'status';
  document: object;
  human: () => string;
  junit: () => JunitCase[];
  exitCode: number;
}

/**
 * Load the fleet (bad input throws before any host is touched), run `job` on every host, then print the report
 * `report` makes of the results (JSON with --json, else human), write `--output`, record the run. A first
 * SIGINT/SIGTERM starts no more hosts (src/cli/interrupt.ts); resolves to the exit code.
 */
export async function runReadFleet<R extends ProgressEntry>(
  args: ReadFleetArgs,
  job: HostReadJob<R>,
  report: (results: R[], seconds: number) => ReadFleetReport,
): Promise<number> {
  checkOutputOption(args.output);
  const stepTimeoutMs = secondsToMs('step-timeout', args.stepTimeout);
  const lockWaitSec = lockWaitSeconds(args.lockWait);
  const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, {
    sshConfig: args.sshConfig,
    transport: args.transport,
  });
  const selected = fleet.hosts.map((host) => host.name);
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const interrupt = watchStopSignals();
  const documentOf = (results: R[], unfinished?: string[], made = report(results, seconds())) => ({
    ...made.document,
    ...interruptionFields(
      interrupt,
      selected,
      results.map((result) => result.host),
      unfinished,
    ),
  });
  const finished: R[] = [];
  const progress = progressWriter({ quiet: args.quiet });
  if (args.json)
    interrupt.setForcedReport((unfinished) =>
      process.stdout.write(`${JSON.stringify(documentOf(finished, unfinished))}\n`),
    );
  try {
    const { results } = await withHostSessions(
      (openSession) =>
        runFleet(
          fleet.hosts,
          (host) =>
            job(host, {
              tasks: fleet.tasks.get(host.name) ?? [],
              openSession,
              timeoutMs: stepTimeoutMs,
              lockWaitSec,
            }),
          {
            forks: args.forks,
            stop: interrupt.stop,
            onResult: (result, seconds) => {
              finished.push(result);
              progress?.(result, seconds);
            },
          },
        ),
      { onLog: connectionLog(args.verbose) },
    );
    const made = report(results, seconds());
    const document = documentOf(results, undefined, made);
    interrupt.setForcedReport(undefined);
    process.stdout.write(
      args.json ? `${JSON.stringify(document)}\n` : made.human() + interruptedLine(document),
    );
    writeReport(args.output, `hfleet ${made.kind}`, made.junit);
    const exitCode = interrupt.exitCode(made.exitCode);
    recordRun(made.kind, selected, exitCode, document);
    return exitCode;
  } finally {
    interrupt.dispose();
  }
}
