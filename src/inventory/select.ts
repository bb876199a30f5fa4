// --limit: pick hosts by customer id, host name or group name, with globs and `!` exclusions.
import { HfleetError } from '../errors.js';
import { globToRegExp } from './glob.js';
import type { Host, Inventory } from './types.js';

// The hosts a pattern names: hosts whose name, customer or one of whose groups matches.
function hostsMatching(inventory: Inventory, regexp: RegExp): Set<Host> {
  const matches = (name: string) => regexp.test(name);
  return new Set(
    inventory.hosts.filter(
      (host) => matches(host.name) || matches(host.customer) || host.groups.some(matches),
    ),
  );
}

/** The hosts a --limit selects, in inventory order; no limit (or an empty one) selects every host. */
export function selectHosts(inventory: Inventory, limit: string | undefined): Host[] {
  const patterns = (limit ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '');
  if (patterns.length === 0) return [...inventory.hosts];
  const included = new Set<Host>();
  const excluded = new Set<Host>();
  const includes = patterns.filter((pattern) => !pattern.startsWith('!'));
  for (const pattern of patterns) {
    const isExclusion = pattern.startsWith('!');
    const body = isExclusion ? pattern.slice(1) : pattern;
    // A customer or group without hosts still "matches" when named: it exists, it is just empty.
    const regexp = globToRegExp(body);
    const hosts = hostsMatching(inventory, regexp);
    const known =
      hosts.size > 0 ||
      inventory.customers.some((customer) => regexp.test(customer.id)) ||
      inventory.groups.some((group) => regexp.test(group.name));
    if (!known) {
      throw new HfleetError('USAGE', `--limit: '${body}' matches no customer, host or group`, {
        hint: `customers, hosts and groups are listed in ${inventory.file}; use * and ? as wildcards`,
      });
    }
    for (const host of hosts) (isExclusion ? excluded : included).add(host);
  }
  const base = includes.length === 0 ? inventory.hosts : inventory.hosts.filter((host) => included.has(host));
  return base.filter((host) => !excluded.has(host));
}

/** The distinct customer ids of some hosts, in the order they first appear. */
export function customersOf(hosts: readonly Host[]): string[] {
  return [...new Set(hosts.map((host) => host.customer))];
}
