// `hfleet apply`: converge the selected hosts to the playbook, in parallel (or rolling), and report per host.
import type { Argv } from 'yargs';
import { STEP_TIMEOUT_SEC } from '../../engine/deadlines.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { withBatchOptions, withFleetRunOptions, withHealthOptions } from '../common-options.js';
import { runApply } from '../run-apply.js';

// The options of `hfleet apply`.
function applyOptions(yargs: Argv) {
  const shared = withBatchOptions(
    withHealthOptions(
      withFleetRunOptions(
        yargs,
        STEP_TIMEOUT_SEC,
        'hosts handled at once (default: all, up to 200); with --rolling, per batch',
      ),
    ),
    'with --rolling: ',
  );
  return shared
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
    .option('rollback', {
      type: 'boolean',
      default: true,
      describe: "with --rolling: restore a failed host's previous files (--no-rollback keeps them)",
    })
    .option('verbose', {
      alias: 'v',
      type: 'boolean',
      default: false,
      describe:
        "log the steps run on each host and each host's connection notes (ProxyCommand stderr, identity files skipped)",
    })
    .example('$0 apply inventory.yml', 'converge every host')
    .example('$0 apply --limit acme,globex --check --diff', 'show what would change for two customers')
    .example('$0 apply --rolling --batch 25%', 'roll a change out a quarter of the customers at a time')
    .example("$0 apply --limit 'canary,!acme-2' --json", 'machine-readable result');
}

/** The yargs module of `hfleet apply`. */
export function applyCommand(setExitCode: SetExitCode) {
  return defineCommand('apply', applyOptions, async (args) => {
    setExitCode(await runApply(args));
  });
}
