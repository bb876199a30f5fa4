// `hfleet demo` (`npm start`): bring up a 3-host local fleet if none is up and run `hfleet apply` on it.
import { ensureLab } from '../../lab/index.js';
import { assertLabPlatform } from '../../lab/prerequisites.js';
import { DEFAULT_PORT } from '../../serve/listen-address.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { withJsonOption } from '../common-options.js';
import { runApply } from '../run-apply.js';

/** The yargs module of `hfleet demo`. */
export function demoCommand(setExitCode: SetExitCode) {
  return defineCommand(
    'demo',
    (yargs) =>
      withJsonOption(
        yargs.option('hosts', { type: 'number', default: 3, describe: 'lab hosts to boot' }),
        'print the apply document as JSON',
      ).example('$0 demo', 'what `npm start` runs'),
    async (args) => {
      assertLabPlatform();
      process.stderr.write(
        `hfleet demo: making sure a local fleet of ${args.hosts} hosts is up (first run builds a base image)\n`,
      );
      const lab = await ensureLab(args.hosts);
      process.stderr.write(`hfleet demo: hfleet apply ${lab.inventoryPath}\n`);
      setExitCode(
        await runApply({
          inventory: lab.inventoryPath,
          limit: undefined,
          playbook: undefined,
          check: false,
          diff: false,
          forks: undefined,
          lockWait: 30,
          verbose: false,
          json: args.json,
          rolling: false,
          batch: undefined,
          maxFail: 0,
          rollback: true,
        }),
      );
      process.stderr.write(
        'hfleet demo: try `hfleet drift` or `hfleet restart` with HFLEET_INVENTORY=' +
          `${lab.inventoryPath}; \`hfleet lab down\` stops the fleet\n`,
      );
      process.stderr.write(
        `hfleet demo: the live view: npx hfleet serve ${lab.inventoryPath}  (then open http://127.0.0.1:${DEFAULT_PORT}/)\n`,
      );
    },
  );
}
