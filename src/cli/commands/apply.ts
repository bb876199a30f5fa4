// `hfleet apply`: converge the selected hosts to the playbook, in parallel, and report per host.
import type { CommandModule } from 'yargs';
import { applyHost } from '../../engine/apply-host.js';
import type { EngineEvent } from '../../engine/events.js';
import type { HostResult } from '../../engine/host-result.js';
import { runFleet, summarize } from '../../engine/run-fleet.js';
import { poolSessionOpener } from '../../remote/open-session.js';
import { humanApplyReporter } from '../../report/apply-human.js';
import { applyJson } from '../../report/apply-json.js';
import { ConnectionPool } from '../../transport/pool.js';
import { type InventoryArgs, withInventoryOptions } from '../common-options.js';
import { EXIT } from '../exit-codes.js';
import { loadPlannedFleet } from '../fleet-input.js';
import { whoAmI } from '../who.js';

interface ApplyArgs extends InventoryArgs {
  playbook: string | undefined;
  check: boolean;
  diff: boolean;
  forks: number | undefined;
  lockWait: number;
  verbose: boolean;
}

// The yargs module of `hfleet apply`.
export function applyCommand(setExitCode: (code: number) => void): CommandModule<object, ApplyArgs> {
  return {
    command: 'apply [inventory]',
    describe: 'converge hosts to their rendered units and drop-ins; restart only what changed',
    builder: (yargs) =>
      withInventoryOptions(yargs)
        .option('playbook', {
          type: 'string',
          describe: 'playbook file (default: the built-in playbooks/honeyframe.yml)',
        })
        .option('check', {
          type: 'boolean',
          default: false,
          describe: 'change nothing: report what would change',
        })
        .option('diff', {
          type: 'boolean',
          default: false,
          describe: 'show a unified diff of each file that changes',
        })
        .option('forks', { type: 'number', describe: 'hosts handled at once (default: all, up to 200)' })
        .option('lock-wait', {
          type: 'number',
          default: 0,
          describe: "seconds to wait for another run's host lock",
        })
        .option('verbose', {
          alias: 'v',
          type: 'boolean',
          default: false,
          describe: 'log the steps run on each host',
        })
        .example('$0 apply inventory.yml', 'converge every host')
        .example('$0 apply --limit acme,globex --check --diff', 'show what would change for two customers')
        .example("$0 apply --limit 'canary,!acme-2' --json", 'machine-readable result') as never,
    handler: async (args) => {
      const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook);
      const reporter = args.json
        ? undefined
        : humanApplyReporter({ verbose: args.verbose, check: args.check });
      const emit = (event: EngineEvent) => {
        if (reporter) reporter.onEvent(event);
        else if (event.type === 'warning')
          process.stderr.write(`warning: ${event.host ?? ''} ${event.message}\n`);
      };
      const pool = new ConnectionPool({
        onWarning: (message) => emit({ type: 'warning', host: undefined, message }),
      });
      const openSession = poolSessionOpener(pool);
      const options = {
        check: args.check,
        diff: args.diff,
        lockWaitSec: args.lockWait,
        who: whoAmI('apply'),
        stepTimeoutMs: 120_000,
      };
      const started = performance.now();
      let results: HostResult[];
      try {
        results = await runFleet(
          fleet.hosts,
          (host) => applyHost(host, fleet.tasks.get(host.name) ?? [], openSession, options, emit),
          { forks: args.forks, emit },
        );
      } finally {
        pool.closeAll();
      }
      const summary = summarize(results);
      const seconds = (performance.now() - started) / 1000;
      if (reporter) process.stdout.write(reporter.finish(results, summary, seconds));
      else process.stdout.write(`${JSON.stringify(applyJson(results, summary, seconds))}\n`);
      setExitCode(summary.failed + summary.unreachable > 0 ? EXIT.hostFailed : EXIT.ok);
    },
  };
}
