// Options shared by the commands that read an inventory.
import type { Argv } from 'yargs';
import { HfleetError } from '../errors.js';
import type { TransportKind } from '../inventory/types.js';

/** The options every inventory-reading command accepts. */
export interface InventoryArgs {
  inventory: string;
  limit: string | undefined;
  json: boolean;
}

/** Where the inventory comes from when none is given: $HFLEET_INVENTORY, else ./inventory.yml. */
export function defaultInventoryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['HFLEET_INVENTORY'] || 'inventory.yml';
}

/** Add the INVENTORY positional, --limit and --json to a command. */
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

/** The options of commands that connect to hosts. */
export interface SshConfigArgs {
  sshConfig: string | undefined;
  transport: TransportKind | undefined;
}

/** Add --ssh-config and --transport to a command that connects to hosts. */
export function withSshConfigOption<T>(yargs: Argv<T>) {
  return yargs
    .option('ssh-config', {
      type: 'string',
      describe: 'OpenSSH client config for what the inventory leaves open (default ~/.ssh/config)',
    })
    .option('transport', {
      choices: ['ssh2', 'openssh'] as const,
      describe: "what carries the connections, for every host (default: the inventory's, else ssh2)",
    });
}

/** `--output FORMAT FILE`: a report file in addition to the normal output. */
export interface OutputArgs {
  output: string[] | undefined;
}

/** Add `--output FORMAT FILE` to a command; its value is the list of words given (checked before a run). */
export function withOutputOption<T>(yargs: Argv<T>) {
  return yargs.option('output', {
    type: 'string',
    nargs: 2,
    describe: 'also write a report: FORMAT FILE (format: junit)',
    coerce: (value: string | string[]): string[] => [value].flat().map(String),
  });
}

/** The deadline of one round trip on a host (seconds), as `--step-timeout` sets it. */
export interface StepTimeoutArgs {
  stepTimeout: number;
}

/** A number of seconds from the command line, in milliseconds: positive and at most a day, else a usage error. */
export function secondsToMs(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 86_400)
    throw new HfleetError(
      'USAGE',
      `--${option}: '${String(value)}' is not a number of seconds (0 < S <= 86400)`,
    );
  return value * 1000;
}

/** Add `--step-timeout SECONDS`: how long one round trip on a host may take before the host is reported failed. */
export function withStepTimeoutOption<T>(yargs: Argv<T>, defaultSec: number) {
  return yargs.option('step-timeout', {
    type: 'number',
    default: defaultSec,
    describe: 'seconds one round trip on a host may take (facts, applying, restarting) before the host fails',
  });
}

/** The options a command's builder declares, as yargs types them: what its handler receives (camel-cased). */
export type OptionsOf<Builder> = Builder extends (yargs: Argv) => Argv<infer Options> ? Options : never;
