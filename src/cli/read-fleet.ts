// The shape shared by the read-only fleet commands (drift, status): options, then one job per host.
import type { Argv } from 'yargs';
import { READ_STEP_TIMEOUT_SEC } from '../engine/deadlines.js';
import { withHostSessions } from '../engine/host-sessions.js';
import type { HostReadJob } from '../engine/read-on-host.js';
import { runFleet } from '../engine/run-fleet.js';
import { loadPlannedFleet } from '../fleet/fleet-input.js';
import { recordRun } from '../history/record-run.js';
import type { JunitCase } from '../report/junit.js';
import type {
  InventoryArgs,
  OutputArgs,
  SshConfigArgs,
  StepTimeoutArgs,
  VerboseArgs,
} from './common-options.js';
import {
  connectionLog,
  secondsToMs,
  withForksOption,
  withInventoryOptions,
  withOutputOption,
  withPlaybookOption,
  withSshConfigOption,
  withStepTimeoutOption,
  withVerboseOption,
} from './common-options.js';
import { checkOutputOption, writeReport } from './write-report.js';

/** The options of a read-only fleet command. */
export interface ReadFleetArgs extends InventoryArgs, SshConfigArgs, OutputArgs, StepTimeoutArgs {
  playbook: string | undefined;
  forks: number | undefined;
  verbose?: VerboseArgs['verbose'] | undefined;
}

/**
 * Add the options every read-only fleet command takes: inventory, --limit, --json, --ssh-config, --output,
 * --playbook, --forks, -v and --step-timeout (default: READ_STEP_TIMEOUT_SEC).
 */
export function withReadFleetOptions<T>(yargs: Argv<T>, verb: string) {
  const common = withStepTimeoutOption(
    withVerboseOption(withOutputOption(withSshConfigOption(withInventoryOptions(yargs)))),
    READ_STEP_TIMEOUT_SEC,
  );
  return withForksOption(withPlaybookOption(common), `hosts ${verb} at once (default: all, up to 200)`);
}

/** Load the fleet (bad input throws before any host is touched), run `job` on every host; results in order. */
export async function runReadFleet<R>(
  args: ReadFleetArgs,
  job: HostReadJob<R>,
): Promise<{ results: R[]; seconds: number }> {
  checkOutputOption(args.output);
  const stepTimeoutMs = secondsToMs('step-timeout', args.stepTimeout);
  const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, {
    sshConfig: args.sshConfig,
    transport: args.transport,
  });
  const started = performance.now();
  const results = await withHostSessions(
    (openSession) =>
      runFleet(
        fleet.hosts,
        (host) => job(host, fleet.tasks.get(host.name) ?? [], openSession, stepTimeoutMs),
        { forks: args.forks },
      ),
    { onLog: connectionLog(args.verbose) },
  );
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** How a read-only command reports a run: its JSON document, its human text, its JUnit cases and exit code. */
export interface ReadFleetReport {
  kind: 'drift' | 'status';
  document: unknown;
  human: () => string;
  junit: () => JunitCase[];
  exitCode: number;
}

/** Print the report (JSON with --json, else human), write `--output`, record the run; returns its exit code. */
export function finishReadFleet(
  args: ReadFleetArgs,
  results: readonly { host: string }[],
  report: ReadFleetReport,
): number {
  process.stdout.write(args.json ? `${JSON.stringify(report.document)}\n` : report.human());
  writeReport(args.output, `hfleet ${report.kind}`, report.junit);
  recordRun(
    report.kind,
    results.map((result) => result.host),
    report.exitCode,
    report.document,
  );
  return report.exitCode;
}
