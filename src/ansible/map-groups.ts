// Ansible groups of hosts as hfleet groups of customers; a note wherever a group widens (a customer in it
// brings hosts the Ansible group did not have).
import type { CustomerRule } from './customers.js';
import { IdAllocator } from './hfleet-ids.js';
import type { AnsibleInventory } from './model.js';
import type { NoteBook } from './notes.js';
import type { ImportedHost } from './to-hfleet.js';

// Every host of a group, directly or through its children (memoised over the whole inventory).
function hostsOfGroups(inventory: AnsibleInventory): (name: string) => Set<string> {
  const memo = new Map<string, Set<string>>();
  const of = (name: string): Set<string> => {
    const known = memo.get(name);
    if (known) return known;
    const hosts = new Set(inventory.groups.get(name)?.hosts ?? []);
    memo.set(name, hosts);
    for (const child of inventory.groups.get(name)?.children ?? [])
      for (const host of of(child)) hosts.add(host);
    return hosts;
  };
  return of;
}

/**
 * The hfleet groups: one per Ansible group with imported hosts, except `all`, `ungrouped` and the groups
 * that became customers.
 */
export function mapGroups(
  inventory: AnsibleInventory,
  hosts: ImportedHost[],
  becameCustomers: Set<string>,
  notes: NoteBook,
  rule: CustomerRule,
): Record<string, { customers: string[] }> {
  const byName = new Map(hosts.map((host) => [host.ansibleName, host]));
  const hostsOfCustomer = new Map<string, string[]>();
  for (const host of hosts)
    hostsOfCustomer.set(host.customer, [...(hostsOfCustomer.get(host.customer) ?? []), host.ansibleName]);
  const hostsOf = hostsOfGroups(inventory);
  const ids = new IdAllocator();
  const groups: Record<string, { customers: string[] }> = {};
  for (const name of inventory.groups.keys()) {
    if (name === 'all' || name === 'ungrouped') continue;
    if (becameCustomers.has(name)) continue;
    if (rule.kind === 'group' && rule.parent === name) continue;
    const members = [...hostsOf(name)].filter((host) => byName.has(host));
    if (members.length === 0) {
      notes.add(`group ${name}`, 'no imported hosts; not mapped');
      continue;
    }
    const customers = [...new Set(members.map((host) => byName.get(host)?.customer ?? ''))];
    const inGroup = new Set(members);
    const added = customers
      .flatMap((customer) => hostsOfCustomer.get(customer) ?? [])
      .filter((host) => !inGroup.has(host));
    if (added.length > 0) {
      const shown = added.slice(0, 3).join(', ') + (added.length > 3 ? ` and ${added.length - 3} more` : '');
      notes.add(
        `group ${name}`,
        `widened: hfleet groups hold whole customers, which bring ${added.length} host(s) not in it (${shown})`,
      );
    }
    const id = ids.idOf(name);
    if (id !== name) notes.add(`group ${name}`, `renamed to '${id}' (hfleet names are [a-z0-9_.-])`);
    groups[id] = { customers };
  }
  return groups;
}
