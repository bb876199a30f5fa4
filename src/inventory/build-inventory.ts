// From a raw YAML document to the typed Inventory: validate each section, then apply precedence per host.

import { explicitSshKeys, mergeSsh, mergeVars } from './merge.js';
import { parseCustomers } from './parse-customers.js';
import { parseGroups } from './parse-groups.js';
import type { Customer, Host, Inventory } from './types.js';
import { invalid, type ValidationContext } from './validate/context.js';
import { describeType, expectMap, optionalMap, requireKey } from './validate/expect.js';
import { parseSshMapping } from './validate/ssh-fields.js';
import { parseVarsLayer } from './validate/var-fields.js';

const TOP_KEYS = ['defaults', 'groups', 'customers'];

/** Validate a parsed document and resolve every host's settings. */
export function buildInventory(document: unknown, ctx: ValidationContext): Inventory {
  if (!(document instanceof Map)) {
    invalid(
      ctx,
      [],
      `the top level must be a mapping with customers: (and optionally defaults:, groups:), got ${describeType(document)}`,
    );
  }
  const top = expectMap(ctx, document, [], TOP_KEYS);
  const defaults = optionalMap(ctx, top.get('defaults'), ['defaults'], ['ssh', 'vars']);
  const defaultSsh = parseSshMapping(ctx, defaults.get('ssh'), ['defaults', 'ssh']);
  const defaultVars = parseVarsLayer(ctx, defaults.get('vars'), ['defaults', 'vars']);
  const customerEntries = parseCustomers(ctx, requireKey(ctx, top, 'customers', []), ['customers']);
  const groupEntries = parseGroups(
    ctx,
    top.get('groups'),
    ['groups'],
    new Set(customerEntries.map((customer) => customer.id)),
  );

  const groupsByCustomer = new Map<string, typeof groupEntries>();
  for (const group of groupEntries) {
    for (const id of new Set(group.customers))
      groupsByCustomer.set(id, [...(groupsByCustomer.get(id) ?? []), group]);
  }
  const customers: Customer[] = customerEntries.map((entry) => {
    const groupsOfCustomer = groupsByCustomer.get(entry.id) ?? [];
    const hosts = entry.hosts.map(
      (host): Host => ({
        name: host.name,
        customer: entry.id,
        displayName: entry.displayName,
        address: host.address,
        groups: groupsOfCustomer.map((group) => group.name),
        ssh: mergeSsh(ctx.home, [defaultSsh, entry.ssh, host.ssh]),
        sshExplicit: explicitSshKeys([defaultSsh, entry.ssh, host.ssh]),
        vars: mergeVars([defaultVars, ...groupsOfCustomer.map((group) => group.vars), entry.vars, host.vars]),
      }),
    );
    return { id: entry.id, displayName: entry.displayName, hosts };
  });
  return {
    file: ctx.file,
    customers,
    groups: groupEntries.map((group) => ({ name: group.name, customers: group.customers })),
    hosts: customers.flatMap((customer) => customer.hosts),
  };
}
