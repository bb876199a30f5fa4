// `hfleet hosts`: how hfleet will reach each host (address, user, keys, agent, route, known_hosts,
// strictness, transport) and where each value came from. Connects to nothing.
import type { Argv, CommandModule } from 'yargs';
import { EXIT } from '../../exit-codes.js';
import { loadFleet } from '../../fleet/fleet-input.js';
import { hostsHuman } from '../../report/hosts-human.js';
import { styleFor } from '../../report/style.js';
import { connectionSummary } from '../../ssh-config/connection-summary.js';
import { type OptionsOf, withInventoryOptions, withSshConfigOption } from '../common-options.js';

// The options of `hfleet hosts`.
function hostsOptions(yargs: Argv) {
  return withSshConfigOption(withInventoryOptions(yargs))
    .example('$0 hosts --limit acme', 'the resolved connection of every acme host')
    .epilog('exit 0: every host can be connected to as configured; 1: bad input, or a host cannot');
}

/** The yargs module of `hfleet hosts`. */
export function hostsCommand(
  setExitCode: (code: number) => void,
): CommandModule<object, OptionsOf<typeof hostsOptions>> {
  return {
    command: 'hosts [inventory]',
    describe: 'how each host will be reached and where each setting comes from (connects to nothing)',
    builder: hostsOptions,
    handler: (args) => {
      const fleet = loadFleet(args.inventory, args.limit, {
        sshConfig: args.sshConfig,
        transport: args.transport,
      });
      const summaries = fleet.hosts.map(connectionSummary);
      process.stdout.write(
        args.json
          ? `${JSON.stringify({ hosts: summaries })}\n`
          : hostsHuman(summaries, styleFor(process.stdout)),
      );
      setExitCode(summaries.some((summary) => summary.error) ? EXIT.badInput : EXIT.ok);
    },
  };
}
