// `hfleet logs`: `journalctl -u` of one service across the selected hosts, each line prefixed with its host.
import type { Argv } from 'yargs';
import { withHostSessions } from '../../engine/host-sessions.js';
import { runFleet } from '../../engine/run-fleet.js';
import { HfleetError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { loadFleet } from '../../fleet/fleet-input.js';
import { journalArgv, logsUnit } from '../../logs/journal.js';
import { type LogsHostResult, streamHostLogs } from '../../logs/logs-host.js';
import { styleFor } from '../../report/style.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import {
  connectionLog,
  defaultInventoryPath,
  withLimitOption,
  withSshConfigOption,
  withVerboseOption,
} from '../common-options.js';

// `[INVENTORY] SERVICE`: one word is the service, two are the inventory and the service.
function splitTargets(targets: readonly string[]): { inventory: string; service: string } {
  if (targets.length === 1) return { inventory: defaultInventoryPath(), service: targets[0]! };
  if (targets.length === 2) return { inventory: targets[0]!, service: targets[1]! };
  throw new HfleetError('USAGE', 'logs: give [INVENTORY] SERVICE', {
    hint: 'e.g. hfleet logs inventory.yml hub-platform -n 50',
  });
}

const HOST_COLOURS = ['cyan', 'magenta', 'blue', 'yellow', 'green'] as const;

// The options of `hfleet logs`.
function logsOptions(yargs: Argv) {
  const targets = withVerboseOption(withSshConfigOption(yargs)).positional('targets', {
    type: 'string',
    array: true,
    demandOption: true,
    describe: '[INVENTORY] SERVICE, e.g. hub-platform',
  });
  return withLimitOption(targets)
    .option('lines', { alias: 'n', type: 'number', default: 50, describe: 'lines of history per host' })
    .option('follow', {
      alias: 'f',
      type: 'boolean',
      default: false,
      describe: 'keep following until Ctrl-C',
    })
    .example('$0 logs hub-platform --limit acme -n 100', "the last 100 lines on acme's hosts")
    .example('$0 logs inventory.yml hub-cloud -f', 'follow hub-cloud on every host');
}

/** The yargs module of `hfleet logs`; `stop` ends a follow like Ctrl-C does (for embedding and tests). */
export function logsCommand(setExitCode: SetExitCode, options: { stop?: AbortSignal } = {}) {
  return defineCommand('logs', logsOptions, async (args) => {
    const { inventory, service } = splitTargets(args.targets);
    const argv = journalArgv(logsUnit(service), args.lines, args.follow);
    const fleet = loadFleet(inventory, args.limit, {
      sshConfig: args.sshConfig,
      transport: args.transport,
    });
    const style = styleFor(process.stdout);
    const width = Math.max(0, ...fleet.hosts.map((host) => host.name.length));
    const stops: Array<() => void> = [];
    const stopped = new AbortController();
    const interrupt = () => {
      for (const stop of stops) stop();
      stopped.abort();
    };
    process.once('SIGINT', interrupt);
    options.stop?.addEventListener('abort', interrupt, { once: true });
    let results: LogsHostResult[];
    try {
      results = await withHostSessions(
        (_openSession, openChannel) =>
          runFleet(
            fleet.hosts,
            async (host) => {
              const colour = style[HOST_COLOURS[fleet.hosts.indexOf(host) % HOST_COLOURS.length]!];
              let held = '';
              const write = (text: string) => {
                if (args.follow) process.stdout.write(text);
                else held += text;
              };
              const result = await streamHostLogs(host, argv, openChannel, {
                follow: args.follow,
                prefix: `${colour(host.name.padEnd(width))} | `,
                write,
                writeError: (text) => process.stderr.write(text),
                register: (stop) => stops.push(stop),
              });
              process.stdout.write(held);
              return result;
            },
            { forks: undefined },
          ).then((run) => run.results),
        { signal: stopped.signal, onLog: connectionLog(args.verbose) },
      );
    } finally {
      process.removeListener('SIGINT', interrupt);
      options.stop?.removeEventListener('abort', interrupt);
    }
    const failed = results.filter((result) => result.error !== null);
    for (const result of failed) process.stderr.write(`hfleet: ${result.host}: ${result.error}\n`);
    setExitCode(failed.length > 0 ? EXIT.hostFailed : EXIT.ok);
  });
}
