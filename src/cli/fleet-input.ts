// Load what every fleet command starts from: the inventory and the selected hosts (bad input throws here).
import { loadInventory } from '../inventory/load.js';
import { selectHosts } from '../inventory/select.js';
import type { Host, Inventory } from '../inventory/types.js';
import { expandPlaybook } from '../playbook/expand.js';
import { builtinPlaybookPath, loadPlaybook } from '../playbook/load.js';
import type { Playbook, ResolvedTask } from '../playbook/types.js';

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

// The inventory and the hosts selected by --limit.
export function loadFleet(inventoryPath: string, limit: string | undefined): FleetInput {
  const inventory = loadInventory(inventoryPath);
  return { inventory, hosts: selectHosts(inventory, limit) };
}

// The fleet plus the playbook (built-in unless given) expanded for every selected host.
export function loadPlannedFleet(
  inventoryPath: string,
  limit: string | undefined,
  playbookPath?: string,
): PlannedFleet {
  const fleet = loadFleet(inventoryPath, limit);
  const playbook = loadPlaybook(playbookPath ?? builtinPlaybookPath());
  const tasks = new Map(fleet.hosts.map((host) => [host.name, expandPlaybook(playbook, host)]));
  return { ...fleet, playbook, tasks };
}
