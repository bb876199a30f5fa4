// Ansible's variable precedence for each host: `all`, then its groups by (depth, ansible_group_priority,
// name), then the host's own vars, each later layer replacing a name wholesale.
import { HfleetError } from '../errors.js';
import type { AnsibleInventory, AnsibleVars } from './model.js';

/** Each group's depth below `all` (the longest path, as Ansible keeps it) and its ancestors. */
export interface GroupTree {
  depth: Map<string, number>;
  ancestors: Map<string, Set<string>>;
}

/** Depths and ancestors of every group; a loop among groups is refused as Ansible refuses it. */
export function groupTree(inventory: AnsibleInventory): GroupTree {
  const tree: GroupTree = { depth: new Map(), ancestors: new Map() };
  const visiting = new Set<string>();
  const visit = (name: string): number => {
    const known = tree.depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) {
      throw new HfleetError('INVENTORY_INVALID', `group '${name}' has a recursive dependency loop`);
    }
    visiting.add(name);
    const ancestors = new Set<string>();
    let depth = 0;
    for (const parent of inventory.groups.get(name)?.parents ?? []) {
      depth = Math.max(depth, visit(parent) + 1);
      ancestors.add(parent);
      for (const above of tree.ancestors.get(parent) ?? []) ancestors.add(above);
    }
    visiting.delete(name);
    tree.depth.set(name, depth);
    tree.ancestors.set(name, ancestors);
    return depth;
  };
  for (const name of inventory.groups.keys()) visit(name);
  return tree;
}

/** Every host's groups, direct and inherited, without `all`, in the order Ansible applies their vars. */
export function groupsOfHosts(inventory: AnsibleInventory, tree: GroupTree): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const [name, group] of inventory.groups) {
    const withAncestors = [name, ...(tree.ancestors.get(name) ?? [])].filter((item) => item !== 'all');
    for (const host of group.hosts) {
      const set = found.get(host) ?? new Set<string>();
      found.set(host, set);
      for (const item of withAncestors) set.add(item);
    }
  }
  const order = (a: string, b: string) => {
    const depth = (tree.depth.get(a) ?? 0) - (tree.depth.get(b) ?? 0);
    const priority = (inventory.groups.get(a)?.priority ?? 1) - (inventory.groups.get(b)?.priority ?? 1);
    return depth || priority || (a < b ? -1 : a > b ? 1 : 0);
  };
  const sorted = new Map<string, string[]>();
  const cache = new Map<string, string[]>();
  for (const host of inventory.hosts.keys()) {
    const groups = [...(found.get(host) ?? [])];
    const key = groups.join('\u0000');
    const list = cache.get(key) ?? groups.sort(order);
    cache.set(key, list);
    sorted.set(host, list);
  }
  return sorted;
}

/** The vars Ansible gives `host` from the inventory (what `ansible-inventory --list` shows for it). */
export function hostVars(inventory: AnsibleInventory, host: string, groups: readonly string[]): AnsibleVars {
  const vars: AnsibleVars = {};
  const layers = [
    inventory.groups.get('all')?.vars,
    ...groups.map((name) => inventory.groups.get(name)?.vars),
    inventory.hosts.get(host),
  ];
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      Object.defineProperty(vars, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return vars;
}
