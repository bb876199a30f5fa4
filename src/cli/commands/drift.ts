// `hfleet drift`: compare every selected host with its rendered intent, read-only, one round trip per host.
import type { CommandModule } from 'yargs';
import { driftHost } from '../../drift/drift-host.js';
import { driftExitCode, summarizeDrift } from '../../drift/summary.js';
import { recordRun } from '../../history/record-run.js';
import { driftHuman } from '../../report/drift-human.js';
import { driftJson } from '../../report/drift-json.js';
import { driftJunitCases } from '../../report/junit-cases.js';
import { styleFor } from '../../report/style.js';
import { commandHeader } from '../command-table.js';
import { type ReadFleetArgs, runReadFleet, withReadFleetOptions } from '../read-fleet.js';
import { writeReport } from '../write-report.js';

type DriftArgs = ReadFleetArgs;

// The yargs module of `hfleet drift`.
export function driftCommand(setExitCode: (code: number) => void): CommandModule<object, DriftArgs> {
  return {
    ...commandHeader('drift'),
    builder: (yargs) =>
      withReadFleetOptions(yargs, 'checked')
        .example('$0 drift inventory.yml', 'which hosts are not what the inventory says')
        .example('$0 drift --limit acme --json', 'findings of one customer, machine-readable')
        .epilog('exit 0: no drift; 2: drift on a reachable host; 3: a host unreachable or failed') as never,
    handler: async (args) => {
      const { results, seconds } = await runReadFleet(args, driftHost);
      const summary = summarizeDrift(results);
      const document = driftJson(results, summary, seconds);
      process.stdout.write(
        args.json
          ? `${JSON.stringify(document)}\n`
          : driftHuman(results, summary, seconds, styleFor(process.stdout)),
      );
      writeReport(args.output, 'hfleet drift', () => driftJunitCases(results));
      const exitCode = driftExitCode(summary);
      recordRun(
        'drift',
        results.map((result) => result.host),
        exitCode,
        document,
      );
      setExitCode(exitCode);
    },
  };
}
