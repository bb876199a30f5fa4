// `hfleet status`: the health loop across the fleet, per host and unit, read-only, one round trip per host.
import type { Argv } from 'yargs';
import { statusJunitCases } from '../../report/junit-cases.js';
import { statusHuman } from '../../report/status-human.js';
import { statusJson } from '../../report/status-json.js';
import { styleFor } from '../../report/style.js';
import { statusHost } from '../../status/status-host.js';
import { statusExitCode, summarizeStatus } from '../../status/status-summary.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { runReadFleet, withReadFleetOptions } from '../read-fleet.js';

// The options of `hfleet status`.
function statusOptions(yargs: Argv) {
  return withReadFleetOptions(yargs, 'read')
    .example('$0 status', 'the whole fleet at a glance')
    .example('$0 status --limit canary --json', 'machine-readable')
    .epilog(
      'exit 0: every service healthy; 3: a service unhealthy or a host unreachable; 130/143: interrupted (SIGINT/SIGTERM)',
    );
}

/** The yargs module of `hfleet status`. */
export function statusCommand(setExitCode: SetExitCode) {
  return defineCommand('status', statusOptions, async (args) => {
    const exitCode = await runReadFleet(args, statusHost, (results, seconds) => {
      const summary = summarizeStatus(results);
      return {
        kind: 'status',
        document: statusJson(results, summary, seconds),
        human: () => statusHuman(results, summary, styleFor(process.stdout)),
        junit: () => statusJunitCases(results),
        exitCode: statusExitCode(summary),
      };
    });
    setExitCode(exitCode);
  });
}
