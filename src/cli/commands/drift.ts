// `hfleet drift`: compare every selected host with its rendered intent, read-only, one round trip per host.
import type { Argv } from 'yargs';
import { driftHost } from '../../drift/drift-host.js';
import { driftExitCode, summarizeDrift } from '../../drift/summary.js';
import { driftHuman } from '../../report/drift-human.js';
import { driftJson } from '../../report/drift-json.js';
import { driftJunitCases } from '../../report/junit-cases.js';
import { styleFor } from '../../report/style.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { runReadFleet, withReadFleetOptions } from '../read-fleet.js';

// The options of `hfleet drift`.
function driftOptions(yargs: Argv) {
  return withReadFleetOptions(yargs, 'checked')
    .example('$0 drift inventory.yml', 'which hosts are not what the inventory says')
    .example('$0 drift --limit acme --json', 'findings of one customer, machine-readable')
    .epilog(
      'exit 0: no drift; 2: drift on a reachable host; 3: a host unreachable or failed; 130/143: interrupted (SIGINT/SIGTERM)',
    );
}

/** The yargs module of `hfleet drift`. */
export function driftCommand(setExitCode: SetExitCode) {
  return defineCommand('drift', driftOptions, async (args) => {
    const exitCode = await runReadFleet(args, driftHost, (results, seconds) => {
      const summary = summarizeDrift(results);
      return {
        kind: 'drift',
        document: driftJson(results, summary, seconds),
        human: () => driftHuman(results, summary, seconds, styleFor(process.stdout)),
        junit: () => driftJunitCases(results),
        exitCode: driftExitCode(summary),
      };
    });
    setExitCode(exitCode);
  });
}
