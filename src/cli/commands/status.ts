// `hfleet status`: the health loop across the fleet, per host and unit, read-only, one round trip per host.
import type { CommandModule } from 'yargs';
import { type StatusHostResult, statusHost } from '../../drift/status-host.js';
import { statusExitCode, summarizeStatus } from '../../drift/status-summary.js';
import { runFleet } from '../../engine/run-fleet.js';
import { statusJunitCases } from '../../report/junit-cases.js';
import { statusHuman } from '../../report/status-human.js';
import { statusJson } from '../../report/status-json.js';
import { styleFor } from '../../report/style.js';
import {
  type InventoryArgs,
  type OutputArgs,
  type SshConfigArgs,
  withInventoryOptions,
  withOutputOption,
  withSshConfigOption,
} from '../common-options.js';
import { loadPlannedFleet } from '../fleet-input.js';
import { withHostSessions } from '../host-sessions.js';
import { checkOutputOption, writeReport } from '../write-report.js';

interface StatusArgs extends InventoryArgs, SshConfigArgs, OutputArgs {
  playbook: string | undefined;
  forks: number | undefined;
}

// The yargs module of `hfleet status`.
export function statusCommand(setExitCode: (code: number) => void): CommandModule<object, StatusArgs> {
  return {
    command: 'status [inventory]',
    describe: 'is-active, /api/health, PID, memory, restarts and uptime of every service on every host',
    builder: (yargs) =>
      withOutputOption(withSshConfigOption(withInventoryOptions(yargs)))
        .option('playbook', {
          type: 'string',
          describe: 'playbook file (default: the built-in playbooks/honeyframe.yml)',
        })
        .option('forks', { type: 'number', describe: 'hosts read at once (default: all, up to 200)' })
        .example('$0 status', 'the whole fleet at a glance')
        .example('$0 status --limit canary --json', 'machine-readable')
        .epilog('exit 0: every service healthy; 3: a service unhealthy or a host unreachable') as never,
    handler: async (args) => {
      checkOutputOption(args.output);
      const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, {
        sshConfig: args.sshConfig,
      });
      const started = performance.now();
      const results: StatusHostResult[] = await withHostSessions((openSession) =>
        runFleet(fleet.hosts, (host) => statusHost(host, fleet.tasks.get(host.name) ?? [], openSession), {
          forks: args.forks,
        }),
      );
      const summary = summarizeStatus(results);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        args.json
          ? `${JSON.stringify(statusJson(results, summary, seconds))}\n`
          : statusHuman(results, summary, styleFor(process.stdout)),
      );
      writeReport(args.output, 'hfleet status', () => statusJunitCases(results));
      setExitCode(statusExitCode(summary));
    },
  };
}
