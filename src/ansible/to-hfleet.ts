// An Ansible inventory as an hfleet inventory: one customer per host (or per `hfleet_customer`), groups kept.
import { PATTERNS } from '../inventory/validate/checks.js';
import { effectiveVars, groupDepths, hostsInGroup } from './effective-vars.js';
import { CUSTOMER_VAR, DISPLAY_NAME_VAR, mapVars } from './map-vars.js';
import type { AnsibleInventory, AnsibleVars } from './model.js';

/** The hfleet inventory as plain data, and what could not be carried over. */
export interface ImportResult {
  inventory: Record<string, unknown>;
  notes: string[];
}

// An hfleet id (customer, host, group) from an Ansible name: lower case, other characters as '-'.
export function toId(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return id === '' ? 'x' : id;
}

// A fresh id: `base`, else `base-2`, `base-3`...
function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

// `vars` plus `extra`, or undefined when both are empty.
function varsBlock(vars: Record<string, unknown>, extra: Record<string, unknown>) {
  const block = Object.keys(extra).length > 0 ? { ...vars, extra } : vars;
  return Object.keys(block).length > 0 ? block : undefined;
}

// Convert; every note names the Ansible host or group it is about.
export function toHfleet(source: AnsibleInventory): ImportResult {
  const notes: string[] = [];
  const depths = groupDepths(source);
  const allVars = mapVars(source.groups.get('all')?.vars ?? {}, 'all');
  notes.push(...allVars.notes);
  const customers: Record<string, { display_name?: string; hosts: Record<string, unknown> }> = {};
  const customerOfHost = new Map<string, string>();
  const hostIds = new Set<string>();
  for (const name of source.hosts.keys()) {
    const vars: AnsibleVars = effectiveVars(source, name, depths);
    const address = String(vars['ansible_host'] ?? vars['ansible_ssh_host'] ?? name);
    if (!PATTERNS.address.test(address) || address.startsWith('-')) {
      notes.push(`${name}: address '${address}' is not an IP address or DNS name; host skipped`);
      continue;
    }
    const hostId = unique(toId(name), hostIds);
    if (hostId !== name)
      notes.push(`${name}: renamed to '${hostId}' (hfleet names are lower case [a-z0-9_.-])`);
    const customerId = toId(String(vars[CUSTOMER_VAR] ?? hostId));
    const mapped = mapVars(vars, name);
    notes.push(...mapped.notes);
    const customer = customers[customerId] ?? { hosts: {} };
    const displayName = vars[DISPLAY_NAME_VAR];
    if (typeof displayName === 'string' && PATTERNS.unitSafe.test(displayName) && !displayName.includes('%'))
      customer.display_name = displayName;
    const varsOfHost = varsBlock(mapped.vars, mapped.extra);
    customer.hosts[hostId] = { address, ...mapped.ssh, ...(varsOfHost ? { vars: varsOfHost } : {}) };
    customers[customerId] = customer;
    customerOfHost.set(name, customerId);
  }
  const groups: Record<string, { customers: string[] }> = {};
  const groupIds = new Set<string>();
  for (const name of source.groups.keys()) {
    if (name === 'all' || name === 'ungrouped') continue;
    const members = hostsInGroup(source, name).flatMap((host) => customerOfHost.get(host) ?? []);
    if (members.length === 0) {
      notes.push(`group ${name}: no hosts; not mapped`);
      continue;
    }
    groups[unique(toId(name), groupIds)] = { customers: [...new Set(members)] };
  }
  const defaultsVars = varsBlock(allVars.vars, allVars.extra);
  const defaults = {
    ...(Object.keys(allVars.ssh).length > 0 ? { ssh: allVars.ssh } : {}),
    ...(defaultsVars ? { vars: defaultsVars } : {}),
  };
  const inventory = {
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
    customers,
  };
  return { inventory, notes };
}
