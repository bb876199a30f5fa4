// `hfleet render`: every selected host's units and drop-ins, rendered locally under a directory, no SSH.
import { loadPlannedFleet } from '../../fleet/fleet-input.js';
import { renderedFiles } from '../../playbook/rendered-files.js';
import { writeRenderedFiles } from '../../render/write-rendered.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import { type InventoryArgs, withInventoryOptions, withPlaybookOption } from '../common-options.js';

interface RenderArgs extends InventoryArgs {
  out: string;
  playbook: string | undefined;
}

/** The yargs module of `hfleet render`. */
export function renderCommand(_setExitCode: SetExitCode) {
  return defineCommand<RenderArgs>(
    'render',
    (yargs) =>
      withPlaybookOption(withInventoryOptions(yargs))
        .option('out', {
          alias: 'o',
          type: 'string',
          demandOption: true,
          describe: 'directory to write DIR/HOST/etc/systemd/system/... into',
        })
        .example('$0 render inventory.yml --out rendered', "write every host's files under ./rendered/HOST/")
        .example('$0 render --out /tmp/r --limit acme', 'only the hosts of customer acme'),
    (args) => {
      // Render everything first: a template error leaves the output directory untouched.
      const fleet = loadPlannedFleet(args.inventory, args.limit, args.playbook, { offline: true });
      const rendered = fleet.hosts.map((host) => ({
        host,
        files: renderedFiles(fleet.tasks.get(host.name) ?? []),
      }));
      const report = rendered.map(({ host, files }) => {
        const dir = writeRenderedFiles(args.out, host.name, files);
        const units = files.filter((file) => file.kind === 'unit').length;
        const dropins = files.filter((file) => file.kind === 'dropin').length;
        process.stderr.write(`${host.name}: ${units} unit(s), ${dropins} drop-in(s) -> ${dir}\n`);
        return {
          host: host.name,
          customer: host.customer,
          dir,
          files: files.map(({ path, unit, kind }) => ({ path, unit, kind })),
        };
      });
      if (args.json) process.stdout.write(`${JSON.stringify({ hosts: report })}\n`);
    },
  );
}
