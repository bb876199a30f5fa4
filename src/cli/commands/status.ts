// `hfleet status`: the health loop across the fleet, per host and unit, read-only, one round trip per host.
import type { CommandModule } from 'yargs';
import { recordRun } from '../../history/record-run.js';
import { statusJunitCases } from '../../report/junit-cases.js';
import { statusHuman } from '../../report/status-human.js';
import { statusJson } from '../../report/status-json.js';
import { styleFor } from '../../report/style.js';
import { statusHost } from '../../status/status-host.js';
import { statusExitCode, summarizeStatus } from '../../status/status-summary.js';
import { commandHeader } from '../command-table.js';
import { type ReadFleetArgs, runReadFleet, withReadFleetOptions } from '../read-fleet.js';
import { writeReport } from '../write-report.js';

type StatusArgs = ReadFleetArgs;

// The yargs module of `hfleet status`.
export function statusCommand(setExitCode: (code: number) => void): CommandModule<object, StatusArgs> {
  return {
    ...commandHeader('status'),
    builder: (yargs) =>
      withReadFleetOptions(yargs, 'read')
        .example('$0 status', 'the whole fleet at a glance')
        .example('$0 status --limit canary --json', 'machine-readable')
        .epilog('exit 0: every service healthy; 3: a service unhealthy or a host unreachable') as never,
    handler: async (args) => {
      const { results, seconds } = await runReadFleet(args, statusHost);
      const summary = summarizeStatus(results);
      const document = statusJson(results, summary, seconds);
      process.stdout.write(
        args.json ? `${JSON.stringify(document)}\n` : statusHuman(results, summary, styleFor(process.stdout)),
      );
      writeReport(args.output, 'hfleet status', () => statusJunitCases(results));
      const exitCode = statusExitCode(summary);
      recordRun(
        'status',
        results.map((result) => result.host),
        exitCode,
        document,
      );
      setExitCode(exitCode);
    },
  };
}
