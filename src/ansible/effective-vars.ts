// Ansible variable precedence for one host: all < parent groups < child groups < host (same depth: by name).
import type { AnsibleInventory, AnsibleVars } from './model.js';

// Each group's depth below `all` (all = 0), the deepest path winning as Ansible does.
export function groupDepths(inventory: AnsibleInventory): Map<string, number> {
  const depths = new Map<string, number>([['all', 0]]);
  const visit = (name: string, depth: number, seen: Set<string>) => {
    if (seen.has(name)) return; // a cycle: Ansible refuses it; here it just stops
    if ((depths.get(name) ?? -1) < depth) depths.set(name, depth);
    for (const child of inventory.groups.get(name)?.children ?? [])
      visit(child, depth + 1, new Set([...seen, name]));
  };
  visit('all', 0, new Set());
  for (const name of inventory.groups.keys()) if (!depths.has(name)) visit(name, 1, new Set());
  return depths;
}

// Every host in a group, directly or through its children.
export function hostsInGroup(inventory: AnsibleInventory, name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const group = inventory.groups.get(name);
  if (!group) return [];
  const hosts = name === 'all' ? [...inventory.hosts.keys()] : [...group.hosts];
  for (const child of group.children) hosts.push(...hostsInGroup(inventory, child, seen));
  return [...new Set(hosts)];
}

// The host's variables from its groups (not `all`) and itself, later layers winning.
export function effectiveVars(
  inventory: AnsibleInventory,
  host: string,
  depths: Map<string, number>,
): AnsibleVars {
  const groups = [...inventory.groups.keys()]
    .filter((name) => name !== 'all' && hostsInGroup(inventory, name).includes(host))
    .sort((a, b) => (depths.get(a) ?? 1) - (depths.get(b) ?? 1) || a.localeCompare(b));
  const vars: AnsibleVars = {};
  for (const name of groups) Object.assign(vars, inventory.groups.get(name)?.vars);
  return Object.assign(vars, inventory.hosts.get(host));
}
