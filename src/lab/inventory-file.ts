// The ready-to-use inventory of a running lab, in the format users write by hand.
import { dump } from 'js-yaml';
import type { LabHostSpec } from './customers.js';

/** Where the inventory's SSH settings point. */
export interface LabCredentials {
  keyPath: string;
  knownHostsPath: string;
}

/**
 * The inventory document (as a plain object) for these hosts: root over SSH with the lab key, strict host keys,
 * and one group per Debian release naming the customers whose host runs it (`--limit bullseye`).
 */
export function labInventoryDocument(hosts: readonly LabHostSpec[], credentials: LabCredentials) {
  const customers: Record<string, { display_name: string; hosts: Record<string, { address: string }> }> = {};
  const groups: Record<string, { customers: string[] }> = {};
  for (const host of hosts) {
    const customer = customers[host.customer] ?? { display_name: host.displayName, hosts: {} };
    customer.hosts[host.name] = { address: host.address };
    customers[host.customer] = customer;
    const group = groups[host.release] ?? { customers: [] };
    if (!group.customers.includes(host.customer)) group.customers.push(host.customer);
    groups[host.release] = group;
  }
  return {
    defaults: {
      ssh: {
        user: 'root',
        port: 22,
        identity_file: credentials.keyPath,
        known_hosts: credentials.knownHostsPath,
        host_key_checking: 'strict',
      },
    },
    groups,
    customers,
  };
}

/** The inventory as YAML text, with a header saying where it came from. */
export function labInventoryYaml(hosts: readonly LabHostSpec[], credentials: LabCredentials): string {
  const header = '# The local test fleet, written by `hfleet lab up`; rewritten on every `lab up`.\n';
  return header + dump(labInventoryDocument(hosts, credentials), { lineWidth: 110 });
}
