// `hfleet lint`: lint the units rendered from an inventory, or given unit and drop-in files; no SSH.
import { EXIT } from '../../exit-codes.js';
import { loadPlannedFleet } from '../../fleet/fleet-input.js';
import { renderedFiles } from '../../playbook/rendered-files.js';
import type { Finding } from '../../systemd/lint/finding.js';
import { lintRenderedHosts } from '../../systemd/lint/lint-inventory.js';
import { lintPaths } from '../../systemd/lint/lint-paths.js';
import { formatFinding, hasErrors } from '../../systemd/lint/lint-unit.js';
import { defineCommand, type SetExitCode } from '../command-table.js';
import {
  defaultInventoryPath,
  withJsonOption,
  withLimitOption,
  withPlaybookOption,
} from '../common-options.js';

interface LintArgs {
  targets: string[] | undefined;
  limit: string | undefined;
  playbook: string | undefined;
  json: boolean;
}

/** The yargs module of `hfleet lint`. */
export function lintCommand(setExitCode: SetExitCode) {
  return defineCommand<LintArgs>(
    'lint',
    (yargs) =>
      withJsonOption(
        withPlaybookOption(
          withLimitOption(
            yargs.positional('targets', {
              type: 'string',
              array: true,
              describe:
                'an inventory .yml (default: $HFLEET_INVENTORY, else ./inventory.yml), or unit/drop-in files',
            }),
            'with an inventory: the hosts to lint',
          ),
          'with an inventory: the playbook (default: the built-in one)',
        ),
        'print the findings as one JSON array',
      )
        .example('$0 lint inventory.yml', "lint every host's rendered units with their local.conf")
        .example(
          '$0 lint hub-platform.service',
          'lint a unit file and the drop-ins in hub-platform.service.d/',
        )
        .example('$0 lint /etc/systemd/system/hub-platform.service.d/local.conf', 'lint one drop-in'),
    (args) => {
      const targets = args.targets ?? [];
      const findings = isInventoryTarget(targets)
        ? lintInventory(targets[0], args.limit, args.playbook)
        : lintPaths(targets);
      if (args.json) process.stdout.write(`${JSON.stringify(findings)}\n`);
      else for (const finding of findings) process.stdout.write(`${formatFinding(finding)}\n`);
      process.stderr.write(`${summary(findings)}\n`);
      if (hasErrors(findings)) setExitCode(EXIT.badInput);
    },
  );
}

function isInventoryTarget(targets: readonly string[]): boolean {
  return targets.length === 0 || (targets.length === 1 && /\.ya?ml$/.test(targets[0] ?? ''));
}

function lintInventory(
  file: string | undefined,
  limit: string | undefined,
  playbook: string | undefined,
): Finding[] {
  const fleet = loadPlannedFleet(file ?? defaultInventoryPath(), limit, playbook, { offline: true });
  return lintRenderedHosts(
    fleet.hosts.map((host) => ({ host, files: renderedFiles(fleet.tasks.get(host.name) ?? []) })),
  );
}

function summary(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return `lint: ${errors} error(s), ${findings.length - errors} warning(s)`;
}
