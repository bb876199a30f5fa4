// `hfleet hosts`: how hfleet will reach each host (address, user, keys, agent, route, known_hosts,
// strictness, transport) and where each value came from. Connects to nothing.
import type { Argv } from 'yargs';
import { EXIT } from '../../exit-codes.js';
import { loadFleet } from '../../fleet/fleet-input.js';
import { hostsHuman } from '../../report/hosts-human.js';
import { styleFor } from '../../report/style.js';
import { connectionSummary } from '../../ssh-config/connection-summary.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { withInventoryOptions, withSshConfigOption } from '../common-options.js';

// The options of `hfleet hosts`.
function hostsOptions(yargs: Argv) {
  return withSshConfigOption(withInventoryOptions(yargs))
    .example('$0 hosts --limit acme', 'the resolved connection of every acme host')
    .epilog('exit 0: every host can be connected to as configured; 1: bad input, or a host cannot');
}

/** The yargs module of `hfleet hosts`. */
export function hostsCommand(setExitCode: SetExitCode) {
  return defineCommand('hosts', hostsOptions, (args) => {
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
  });
}
