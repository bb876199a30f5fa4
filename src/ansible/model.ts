// An Ansible inventory as read from either format: hosts with their own vars, groups with members and vars.

/** Variables as written (INI values are strings; YAML values keep their types). */
export type AnsibleVars = Record<string, unknown>;

/** A group: its direct hosts, child groups and vars. */
export interface AnsibleGroup {
  hosts: string[];
  children: string[];
  vars: AnsibleVars;
}

/** A whole inventory; `all` is always present, hosts in the order they were first seen. */
export interface AnsibleInventory {
  hosts: Map<string, AnsibleVars>;
  groups: Map<string, AnsibleGroup>;
}

// An inventory with only the implicit `all` group.
export function emptyInventory(): AnsibleInventory {
  return { hosts: new Map(), groups: new Map([['all', { hosts: [], children: [], vars: {} }]]) };
}

// The group `name`, created empty on first use.
export function groupOf(inventory: AnsibleInventory, name: string): AnsibleGroup {
  let group = inventory.groups.get(name);
  if (!group) {
    group = { hosts: [], children: [], vars: {} };
    inventory.groups.set(name, group);
  }
  return group;
}

// Record a host in a group, merging its vars into what is known about it.
export function addHost(inventory: AnsibleInventory, group: string, host: string, vars: AnsibleVars): void {
  inventory.hosts.set(host, { ...inventory.hosts.get(host), ...vars });
  const members = groupOf(inventory, group).hosts;
  if (!members.includes(host)) members.push(host);
}
