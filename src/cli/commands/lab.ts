// `hfleet lab up [N] | down | status`: the local test fleet (Linux, root).
import type { Argv } from 'yargs';
import { EXIT } from '../../exit-codes.js';
import { labDown, labStatus, labUp } from '../../lab/index.js';
import { DEFAULT_HOSTS } from '../../lab/layout.js';
import { assertLabPlatform } from '../../lab/prerequisites.js';
import { DEFAULT_RELEASE, LAB_RELEASES, parseReleases } from '../../lab/releases.js';
import { formatLabStatus } from '../../lab/status.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { withJsonOption } from '../common-options.js';

/** The yargs module of `hfleet lab` and its three subcommands. */
export function labCommand(setExitCode: SetExitCode) {
  return defineCommand(
    'lab',
    (yargs: Argv) =>
      yargs
        .command({
          command: 'up [hosts]',
          describe: `boot a lab of N hosts (default ${DEFAULT_HOSTS}); a running lab is reused and grown`,
          builder: (y: Argv) =>
            y
              .positional('hosts', { type: 'number', default: DEFAULT_HOSTS, describe: 'number of hosts' })
              .option('release', {
                type: 'string',
                describe: `Debian release of the hosts, a comma list taken round-robin (${Object.keys(LAB_RELEASES).join(', ')}; default ${DEFAULT_RELEASE})`,
              })
              .option('cache', {
                type: 'string',
                describe: 'cache directory of the base image (default /var/cache/hfleet/lab)',
              }),
          handler: async (argv) => {
            const result = await labUp({
              hosts: Number(argv['hosts']),
              ...(argv['release'] === undefined ? {} : { releases: parseReleases(String(argv['release'])) }),
              cacheDir: argv['cache'] as string | undefined,
            });
            process.stdout.write(
              `lab up: ${result.state.hosts.length} host(s), inventory ${result.state.inventoryPath}\n`,
            );
          },
        })
        .command({
          command: 'down',
          describe: 'stop every lab host and remove the bridge, mounts, cgroups and routes',
          handler: async () => {
            const result = await labDown();
            process.stdout.write(`lab down: stopped ${result.stopped.length} host(s)\n`);
          },
        })
        .command({
          command: 'status',
          describe: 'each lab host: running, address, SSH reachable',
          builder: (y: Argv) => withJsonOption(y),
          handler: async (argv) => {
            assertLabPlatform();
            const status = await labStatus();
            process.stdout.write(
              argv['json'] ? `${JSON.stringify(status, null, 2)}\n` : formatLabStatus(status),
            );
            if (status.hosts.some((host) => !host.ssh)) setExitCode(EXIT.hostFailed);
          },
        })
        .demandCommand(1, 'name a lab command: up, down or status'),
    () => {},
  );
}
