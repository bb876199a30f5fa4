// An Ansible inventory as Ansible's InventoryData holds it: hosts with their own vars, groups with members,
// children, vars and priority, and the rules Ansible applies while adding to them.
import { HfleetError } from '../errors.js';

/** Variables with their types (INI values as Python literals, YAML values as YAML 1.1 reads them). */
export type AnsibleVars = Record<string, unknown>;

/** A group: its direct hosts and child groups in the order seen, its vars and `ansible_group_priority`. */
export interface AnsibleGroup {
  hosts: string[];
  hostSet: Set<string>;
  children: string[];
  parents: string[];
  vars: AnsibleVars;
  priority: number;
}

/** A whole inventory; `all` and `ungrouped` always exist; `notes` says what Ansible itself ignored. */
export interface AnsibleInventory {
  hosts: Map<string, AnsibleVars>;
  groups: Map<string, AnsibleGroup>;
  notes: string[];
}

/** An inventory with only the implicit `all` and `ungrouped` groups. */
export function emptyInventory(): AnsibleInventory {
  const inventory: AnsibleInventory = { hosts: new Map(), groups: new Map(), notes: [] };
  addChild(inventory, 'all', 'ungrouped');
  return inventory;
}

/** The group `name`, created empty on first use. */
export function addGroup(inventory: AnsibleInventory, name: string): AnsibleGroup {
  let group = inventory.groups.get(name);
  if (!group) {
    group = { hosts: [], hostSet: new Set(), children: [], parents: [], vars: {}, priority: 1 };
    inventory.groups.set(name, group);
  }
  return group;
}

/** `child` under `parent` (both created when new); a group under itself is refused as Ansible refuses it. */
export function addChild(inventory: AnsibleInventory, parent: string, child: string): void {
  if (parent === child) {
    throw new HfleetError('INVENTORY_INVALID', `group '${parent}': can't add group to itself`);
  }
  const parentGroup = addGroup(inventory, parent);
  const childGroup = addGroup(inventory, child);
  if (parentGroup.children.includes(child)) return;
  parentGroup.children.push(child);
  childGroup.parents.push(parent);
}

/** Set one variable as Ansible does: a mapping given to a name that holds a mapping is merged into it. */
export function setVariable(vars: AnsibleVars, name: string, value: unknown): void {
  const old = Object.hasOwn(vars, name) ? vars[name] : undefined;
  const isMapping = (item: unknown) => typeof item === 'object' && item !== null && !Array.isArray(item);
  const merged = isMapping(old) && isMapping(value) ? { ...(old as object), ...(value as object) } : value;
  Object.defineProperty(vars, name, { value: merged, enumerable: true, writable: true, configurable: true });
}

/** A group variable; `ansible_group_priority` sets the group's priority instead, an integer as Ansible wants. */
export function setGroupVariable(inventory: AnsibleInventory, group: string, name: string, value: unknown) {
  const target = addGroup(inventory, group);
  if (name !== 'ansible_group_priority') return setVariable(target.vars, name, value);
  const priority = typeof value === 'string' && /^\s*[+-]?[0-9]+\s*$/.test(value) ? Number(value) : value;
  if (typeof priority !== 'number' || !Number.isInteger(priority)) {
    throw new HfleetError(
      'INVENTORY_INVALID',
      `group '${group}': ansible_group_priority must be an integer, got ${JSON.stringify(value)}`,
    );
  }
  target.priority = priority;
}

/**
 * Add hosts to a group with their vars, as Ansible does: a port from the key is set only where the host is
 * new (a later `host:port` for a known host is ignored, and noted), then the vars, later values winning.
 */
export function addHosts(
  inventory: AnsibleInventory,
  group: string,
  names: string[],
  port: number | undefined,
  vars: AnsibleVars,
  where: string,
): void {
  const target = addGroup(inventory, group);
  for (const name of names) {
    if (name === '') throw new HfleetError('INVENTORY_INVALID', `${where}: empty host name`);
    let own = inventory.hosts.get(name);
    if (!own) {
      own = {};
      inventory.hosts.set(name, own);
      if (port) own['ansible_port'] = port;
    } else if (port) {
      inventory.notes.push(
        `${name}: port ${port} at ${where} ignored: Ansible takes a host's port from its first entry only`,
      );
    }
    for (const [key, value] of Object.entries(vars)) setVariable(own, key, value);
    if (!target.hostSet.has(name)) {
      target.hostSet.add(name);
      target.hosts.push(name);
    }
  }
}

/**
 * Ansible's last step after reading a source: groups without a parent go under `all`, hosts in no group
 * into `ungrouped`, hosts also in another group out of it.
 */
export function reconcile(inventory: AnsibleInventory): void {
  for (const [name, group] of inventory.groups) {
    if (name !== 'all' && group.parents.length === 0) addChild(inventory, 'all', name);
  }
  const grouped = new Set<string>();
  for (const [name, group] of inventory.groups) {
    if (name !== 'all' && name !== 'ungrouped') for (const host of group.hosts) grouped.add(host);
  }
  const ungrouped = addGroup(inventory, 'ungrouped');
  ungrouped.hosts = ungrouped.hosts.filter((host) => !grouped.has(host));
  ungrouped.hostSet = new Set(ungrouped.hosts);
  for (const host of inventory.hosts.keys()) {
    if (grouped.has(host) || ungrouped.hostSet.has(host)) continue;
    ungrouped.hosts.push(host);
    ungrouped.hostSet.add(host);
  }
}
