// `hfleet serve`: the fleet live in a browser, /metrics for monitoring; it only reads.
import type { Argv } from 'yargs';
import { HfleetError } from '../../errors.js';
import { loadPlannedFleet } from '../../fleet/fleet-input.js';
import { defaultHistoryStore } from '../../history/record-run.js';
import { trendsDir } from '../../history/state-dir.js';
import { checkListenToken, DEFAULT_PORT, parseListen } from '../../serve/listen-address.js';
import { listeningLine } from '../../serve/listening-line.js';
import { startServe } from '../../serve/start-serve.js';
import { TrendLog } from '../../serve/trend-log.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { secondsToMs } from '../common-options.js';
import { withReadFleetOptions } from '../read-fleet.js';

// Resolves when SIGINT or SIGTERM arrives.
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

// The options of `hfleet serve`.
function serveOptions(yargs: Argv) {
  return withReadFleetOptions(yargs, 'connected')
    .option('listen', {
      type: 'string',
      describe: `ADDR:PORT to listen on (default 127.0.0.1:${DEFAULT_PORT})`,
    })
    .option('token', {
      type: 'string',
      describe: 'every request must carry it (needed off loopback; default $HFLEET_SERVE_TOKEN)',
      default: process.env['HFLEET_SERVE_TOKEN'] || undefined,
      defaultDescription: '$HFLEET_SERVE_TOKEN',
    })
    .option('interval', {
      type: 'number',
      default: 30,
      describe: 'seconds between two sweeps of the fleet',
    })
    .option('max-live-clients', {
      type: 'number',
      default: 64,
      describe: 'browsers updated live at once',
    })
    .example('$0 serve', 'open the printed address in a browser')
    .example('$0 serve --listen 0.0.0.0:8470 --token "$(cat ~/.hfleet-token)"', 'reachable by others');
}

/** The yargs module of `hfleet serve`; it runs until `untilStop` resolves (default: SIGINT or SIGTERM). */
export function serveCommand(setExitCode: SetExitCode, untilStop: () => Promise<void> = untilSignal) {
  return defineCommand('serve', serveOptions, async (args) => {
    // serve never ends on its own, so there is no end of run to write a report at (docs/serve.md).
    if (args.output !== undefined)
      throw new HfleetError('USAGE', 'serve: --output is not supported (a report needs a run that ends)');
    const listen = parseListen(args.listen);
    checkListenToken(listen, args.token);
    if (!(args.interval >= 1))
      throw new HfleetError('USAGE', `--interval: at least 1 second (got ${args.interval})`);
    const stepTimeoutMs = secondsToMs('step-timeout', args.stepTimeout);
    const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, {
      sshConfig: args.sshConfig,
      transport: args.transport,
    });
    const running = await startServe({
      fleet,
      listen,
      token: args.token,
      intervalMs: args.interval * 1000,
      forks: args.forks,
      stepTimeoutMs,
      history: defaultHistoryStore(),
      trendLog: new TrendLog(trendsDir()),
      maxLiveClients: args.maxLiveClients,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
    });
    const listening = { url: running.url, hosts: fleet.hosts.length, intervalSec: args.interval };
    process.stdout.write(listeningLine(listening, args.json));
    await untilStop();
    await running.stop();
    setExitCode(0);
  });
}
