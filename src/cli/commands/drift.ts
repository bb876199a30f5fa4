// `hfleet drift`: compare every selected host with its rendered intent, read-only, one round trip per host.
import type { CommandModule } from 'yargs';
import { driftHost } from '../../drift/drift-host.js';
import { driftExitCode, summarizeDrift } from '../../drift/summary.js';
import { runFleet } from '../../engine/run-fleet.js';
import { driftHuman } from '../../report/drift-human.js';
import { driftJson } from '../../report/drift-json.js';
import { driftJunitCases } from '../../report/junit-cases.js';
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

interface DriftArgs extends InventoryArgs, SshConfigArgs, OutputArgs {
  playbook: string | undefined;
  forks: number | undefined;
}

// The yargs module of `hfleet drift`.
export function driftCommand(setExitCode: (code: number) => void): CommandModule<object, DriftArgs> {
  return {
    command: 'drift [inventory]',
    describe:
      'report how hosts differ from their rendered units, drop-ins and wanted unit states (read-only)',
    builder: (yargs) =>
      withOutputOption(withSshConfigOption(withInventoryOptions(yargs)))
        .option('playbook', {
          type: 'string',
          describe: 'playbook file (default: the built-in playbooks/honeyframe.yml)',
        })
        .option('forks', { type: 'number', describe: 'hosts checked at once (default: all, up to 200)' })
        .example('$0 drift inventory.yml', 'which hosts are not what the inventory says')
        .example('$0 drift --limit acme --json', 'findings of one customer, machine-readable')
        .epilog('exit 0: no drift; 2: drift on a reachable host; 3: a host unreachable or failed') as never,
    handler: async (args) => {
      checkOutputOption(args.output);
      const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, {
        sshConfig: args.sshConfig,
      });
      const started = performance.now();
      const results = await withHostSessions((openSession) =>
        runFleet(fleet.hosts, (host) => driftHost(host, fleet.tasks.get(host.name) ?? [], openSession), {
          forks: args.forks,
        }),
      );
      const summary = summarizeDrift(results);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        args.json
          ? `${JSON.stringify(driftJson(results, summary, seconds))}\n`
          : driftHuman(results, summary, seconds, styleFor(process.stdout)),
      );
      writeReport(args.output, 'hfleet drift', () => driftJunitCases(results));
      setExitCode(driftExitCode(summary));
    },
  };
}
