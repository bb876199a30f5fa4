// Load what every fleet command starts from: the inventory and the selected hosts (bad input throws here).
import { HfleetError } from '../errors.js';
import { loadInventory } from '../inventory/load.js';
import { selectHosts } from '../inventory/select.js';
import type { Host, Inventory, TransportKind } from '../inventory/types.js';
import { expandPlaybook } from '../playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook } from '../playbook/load.js';
import type { Playbook, ResolvedTask } from '../playbook/types.js';
import { applySshConfig } from '../ssh-config/apply.js';
import { processResolveEnvironment } from '../ssh-config/environment.js';
import { readSshConfig } from '../ssh-config/read.js';

/** How hosts reach their SSH settings beyond the inventory. */
export interface FleetOptions {
  /** `--ssh-config FILE`; undefined: ~/.ssh/config when it exists. */
  sshConfig?: string | undefined;
  /** `--transport`: overrides the inventory's for every host. */
  transport?: TransportKind | undefined;
  /** No host will be contacted (render, lint): leave SSH settings as the inventory has them. */
  offline?: boolean;
}

/** An inventory with the hosts `--limit` selected. */
export interface FleetInput {
  inventory: Inventory;
  hosts: Host[];
}

/** A fleet with every host's playbook expanded: all input errors are found before any host is touched. */
export interface PlannedFleet extends FleetInput {
  playbook: Playbook;
  tasks: Map<string, ResolvedTask[]>;
}

// Fill in what the inventory leaves open from the OpenSSH client config (the inventory wins); with no config,
// jump hosts still resolve as ssh would (their own user and keys).
function withSshConfig(hosts: Host[], options: FleetOptions): Host[] {
  if (options.offline) return hosts;
  const transport = options.transport;
  if (transport) hosts = hosts.map((host) => ({ ...host, ssh: { ...host.ssh, transport } }));
  const env = processResolveEnvironment();
  const config = readSshConfig(options.sshConfig, env.home, env.sshReadsConfig) ?? {
    file: '(no ssh config)',
    text: '',
  };
  const applied = applySshConfig(hosts, config, env);
  for (const note of applied.notes) process.stderr.write(`warning: ${note}\n`);
  return applied.hosts;
}

// The playbook expanded for one host; an error says which host's values led to it.
function expandForHost(playbook: Playbook, host: Host): ResolvedTask[] {
  try {
    return expandPlaybook(playbook, host);
  } catch (error) {
    if (!(error instanceof HfleetError)) throw error;
    throw new HfleetError(error.code, `host ${host.name}: ${error.message}`, {
      hint: error.hint,
      cause: error,
    });
  }
}

/** The inventory and the hosts selected by --limit, with ~/.ssh/config (or --ssh-config) applied. */
export function loadFleet(
  inventoryPath: string,
  limit: string | undefined,
  options: FleetOptions = {},
): FleetInput {
  const inventory = loadInventory(inventoryPath);
  return { inventory, hosts: withSshConfig(selectHosts(inventory, limit), options) };
}

/** The fleet plus the playbook (built-in unless given) expanded for every selected host. */
export function loadPlannedFleet(
  inventoryPath: string,
  limit: string | undefined,
  playbookPath?: string,
  options: FleetOptions = {},
): PlannedFleet {
  const fleet = loadFleet(inventoryPath, limit, options);
  const playbook = loadPlaybook(playbookPath ?? builtinPlaybookPath());
  const tasks = new Map(fleet.hosts.map((host) => [host.name, expandForHost(playbook, host)]));
  return { ...fleet, playbook, tasks };
}
