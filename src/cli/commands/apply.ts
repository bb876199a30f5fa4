// `hfleet apply`: converge the selected hosts to the playbook, in parallel (or rolling), and report per host.
import type { Argv, CommandModule } from 'yargs';
import { STEP_TIMEOUT_SEC } from '../../engine/deadlines.js';
import { commandHeader } from '../command-table.js';
import {
  type OptionsOf,
  withInventoryOptions,
  withOutputOption,
  withSshConfigOption,
  withStepTimeoutOption,
} from '../common-options.js';
import { runApply } from '../run-apply.js';

// The options of `hfleet apply`.
function applyOptions(yargs: Argv) {
  return withStepTimeoutOption(
    withOutputOption(withSshConfigOption(withInventoryOptions(yargs))),
    STEP_TIMEOUT_SEC,
  )
    .option('health-timeout', {
      type: 'number',
      describe: 'seconds each service has to become healthy (default: the health_timeout var)',
    })
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
    .option('forks', {
      type: 'number',
      describe: 'hosts handled at once (default: all, up to 200); with --rolling, per batch',
    })
    .option('lock-wait', {
      type: 'number',
      default: 0,
      describe: "seconds to wait for another run's host lock",
    })
    .option('settle', {
      type: 'number',
      describe:
        "seconds a started or restarted service must hold still once healthy (default: its health task's, 5)",
    })
    .option('unmask', {
      type: 'boolean',
      default: false,
      describe: 'unmask masked units and manage them (default: leave them masked and say so)',
    })
    .option('rolling', {
      type: 'boolean',
      default: false,
      describe: 'roll out customer batch by customer batch, health-gated',
    })
    .option('batch', {
      type: 'string',
      describe: 'with --rolling: customers per batch, N or N% (default 1)',
    })
    .option('max-fail', {
      type: 'number',
      default: 0,
      describe: 'with --rolling: host failures tolerated before halting',
    })
    .option('rollback', {
      type: 'boolean',
      default: true,
      describe: "with --rolling: restore a failed host's previous files (--no-rollback keeps them)",
    })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      default: false,
      describe: 'log the steps run on each host',
    })
    .example('$0 apply inventory.yml', 'converge every host')
    .example('$0 apply --limit acme,globex --check --diff', 'show what would change for two customers')
    .example('$0 apply --rolling --batch 25%', 'roll a change out a quarter of the customers at a time')
    .example("$0 apply --limit 'canary,!acme-2' --json", 'machine-readable result');
}

/** The yargs module of `hfleet apply`. */
export function applyCommand(
  setExitCode: (code: number) => void,
): CommandModule<object, OptionsOf<typeof applyOptions>> {
  return {
    ...commandHeader('apply'),
    builder: applyOptions,
    handler: async (args) => {
      setExitCode(await runApply(args));
    },
  };
}
