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
  const withInventory = yargs.positional('inventory', {
    type: 'string',
    describe: 'inventory file (default: $HFLEET_INVENTORY, else ./inventory.yml)',
    default: defaultInventoryPath(),
    defaultDescription: '$HFLEET_INVENTORY or ./inventory.yml',
  });
  return withJsonOption(withLimitOption(withInventory));
}

/** Add `--limit`/`-l`: which customers, hosts or groups a command works on (`describe` when it says more). */
export function withLimitOption<T>(
  yargs: Argv<T>,
  describe = 'comma list of customers, hosts or groups; * globs; !name excludes',
) {
  return yargs.option('limit', { alias: 'l', type: 'string', describe });
}

/** Add `--json`: machine-readable output on stdout instead of text (`describe` says what it prints). */
export function withJsonOption<T>(yargs: Argv<T>, describe = 'print one JSON document on stdout') {
  return yargs.option('json', { type: 'boolean', default: false, describe });
}

/** Add `--playbook FILE`: the playbook to render hosts from instead of the built-in one. */
export function withPlaybookOption<T>(
  yargs: Argv<T>,
  describe = 'playbook file (default: the built-in playbooks/honeyframe.yml)',
) {
  return yargs.option('playbook', { type: 'string', describe });
}

/** Add `--forks N`: how many hosts are worked on at once; `describe` says at what, and its default. */
export function withForksOption<T>(yargs: Argv<T>, describe: string) {
  return yargs.option('forks', { type: 'number', describe });
}

/** Add `--lock-wait SECONDS`: how long to wait for another run's lock on a host before giving up on it. */
export function withLockWaitOption<T>(yargs: Argv<T>) {
  return yargs.option('lock-wait', {
    type: 'number',
    default: 0,
    describe: "seconds to wait for another run's host lock",
  });
}

/** Add `--health-timeout` and `--settle`: how long a (re)started service has to turn healthy, then hold still. */
export function withHealthOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('health-timeout', {
      type: 'number',
      describe: 'seconds each service has to become healthy (default: the health_timeout var)',
    })
    .option('settle', {
      type: 'number',
      describe:
        "seconds a started or restarted service must hold still once healthy (default: its health task's, 5)",
    });
}

/** Add `--batch` and `--max-fail` of a rollout; `when` (e.g. `with --rolling: `) says when they count. */
export function withBatchOptions<T>(yargs: Argv<T>, when = '') {
  return yargs
    .option('batch', { type: 'string', describe: `${when}customers per batch, N or N% (default 1)` })
    .option('max-fail', {
      type: 'number',
      default: 0,
      describe: `${when}host failures tolerated before the rollout halts`,
    });
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

/** `-v`: print each host's connection notes. */
export interface VerboseArgs {
  verbose: boolean;
}

/** Add `-v/--verbose` to a command that connects to hosts. */
export function withVerboseOption<T>(yargs: Argv<T>) {
  return yargs.option('verbose', {
    alias: 'v',
    type: 'boolean',
    default: false,
    describe: "print each host's connection notes on stderr (ProxyCommand stderr, identity files skipped)",
  });
}

/** Where `-v` sends the transport's per-host notes (each line starts with the host's name): stderr, or nowhere. */
export function connectionLog(verbose: boolean | undefined): ((line: string) => void) | undefined {
  return verbose ? (line) => process.stderr.write(`${line}\n`) : undefined;
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

/** `--lock-wait SECONDS`: 0 (do not wait) up to a day, else a usage error. */
export function lockWaitSeconds(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 86_400)
    throw new HfleetError(
      'USAGE',
      `--lock-wait: '${String(value)}' is not a number of seconds (0 <= S <= 86400)`,
    );
  return value;
}

/** Add `--step-timeout SECONDS`: how long one round trip on a host may take before the host is reported failed. */
export function withStepTimeoutOption<T>(yargs: Argv<T>, defaultSec: number) {
  return yargs.option('step-timeout', {
    type: 'number',
    default: defaultSec,
    describe: 'seconds one round trip on a host may take (facts, applying, restarting) before the host fails',
  });
}

/** `--quiet`: no per-host progress on stderr. */
export interface QuietArgs {
  quiet: boolean;
}

/** Add `--quiet` / `-q`: no per-host lines on stderr (live lines on a terminal, progress lines elsewhere). */
export function withQuietOption<T>(yargs: Argv<T>) {
  return yargs.option('quiet', {
    alias: 'q',
    type: 'boolean',
    default: false,
    describe: 'no per-host progress lines on stderr (warnings and errors still print)',
  });
}

/**
 * Add the options every fleet run takes: inventory, --limit, --json, --ssh-config, --output, --quiet,
 * --step-timeout (default `stepTimeoutSec`), --playbook, --forks (described as `forks`) and --lock-wait.
 */
export function withFleetRunOptions<T>(yargs: Argv<T>, stepTimeoutSec: number, forks: string) {
  const reported = withQuietOption(withOutputOption(withSshConfigOption(withInventoryOptions(yargs))));
  return withLockWaitOption(
    withForksOption(withPlaybookOption(withStepTimeoutOption(reported, stepTimeoutSec)), forks),
  );
}
