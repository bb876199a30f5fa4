// Options shared by the commands that read an inventory.
import type { Argv } from 'yargs';

/** The options every inventory-reading command accepts. */
export interface InventoryArgs {
  inventory: string;
  limit: string | undefined;
  json: boolean;
}

// Where the inventory comes from when none is given: $HFLEET_INVENTORY, else ./inventory.yml.
export function defaultInventoryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['HFLEET_INVENTORY'] || 'inventory.yml';
}

// Add the INVENTORY positional, --limit and --json to a command.
export function withInventoryOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('inventory', {
      type: 'string',
      describe: 'inventory file (default: $HFLEET_INVENTORY, else ./inventory.yml)',
      default: defaultInventoryPath(),
      defaultDescription: '$HFLEET_INVENTORY or ./inventory.yml',
    })
    .option('limit', {
      alias: 'l',
      type: 'string',
      describe: 'comma list of customers, hosts or groups; * globs; !name excludes',
    })
    .option('json', { type: 'boolean', default: false, describe: 'print one JSON document on stdout' });
}

/** The option of commands that connect to hosts. */
export interface SshConfigArgs {
  sshConfig: string | undefined;
}

// Add --ssh-config to a command that connects to hosts.
export function withSshConfigOption<T>(yargs: Argv<T>) {
  return yargs.option('ssh-config', {
    type: 'string',
    describe: 'OpenSSH client config for what the inventory leaves open (default ~/.ssh/config)',
  });
}

/** `--output FORMAT FILE`: a report file in addition to the normal output. */
export interface OutputArgs {
  output: string[] | undefined;
}

// Add `--output junit FILE` to a command.
export function withOutputOption<T>(yargs: Argv<T>) {
  return yargs.option('output', {
    type: 'string',
    nargs: 2,
    describe: 'also write a report: FORMAT FILE (format: junit)',
  });
}
