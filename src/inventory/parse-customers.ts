// The `customers:` section: ids, display names, their ssh/vars layers and hosts, validated, in order.
import type { HostVars, SshSettings } from './types.js';
import { checkAddress, checkDisplayName, checkId } from './validate/checks.js';
import { invalid, pathText, shown, type ValidationContext, type ValuePath } from './validate/context.js';
import { expectMap, expectString, requireKey } from './validate/expect.js';
import { HOST_SSH_KEYS, parseSshLayer, parseSshMapping } from './validate/ssh-fields.js';
import { parseVarsLayer } from './validate/var-fields.js';

/** A host as written: its own fields only, before precedence. */
export interface HostEntry {
  name: string;
  address: string;
  ssh: Partial<SshSettings>;
  vars: Partial<HostVars>;
}

/** A customer as written, before precedence. */
export interface CustomerEntry {
  id: string;
  displayName: string;
  ssh: Partial<SshSettings>;
  vars: Partial<HostVars>;
  hosts: HostEntry[];
}

const CUSTOMER_KEYS = ['display_name', 'ssh', 'vars', 'hosts'];
const HOST_KEYS = ['address', ...HOST_SSH_KEYS, 'vars'];

// One host mapping.
function parseHost(ctx: ValidationContext, name: string, value: unknown, path: ValuePath): HostEntry {
  checkId(ctx, name, path);
  const map = expectMap(ctx, value, path, HOST_KEYS);
  const address = expectString(ctx, requireKey(ctx, map, 'address', path), [...path, 'address']);
  checkAddress(ctx, address, [...path, 'address']);
  const sshEntries = [...map].filter(([key]) => HOST_SSH_KEYS.includes(key));
  return {
    name,
    address,
    ssh: parseSshLayer(ctx, sshEntries, path),
    vars: parseVarsLayer(ctx, map.get('vars'), [...path, 'vars']),
  };
}

// One customer mapping.
function parseCustomer(ctx: ValidationContext, id: string, value: unknown, path: ValuePath): CustomerEntry {
  checkId(ctx, id, path);
  const map = expectMap(ctx, value, path, CUSTOMER_KEYS);
  let displayName = id;
  if (map.has('display_name')) {
    displayName = expectString(ctx, map.get('display_name'), [...path, 'display_name']);
    checkDisplayName(ctx, displayName, [...path, 'display_name']);
  }
  const hostsPath = [...path, 'hosts'];
  const hosts = expectMap(ctx, requireKey(ctx, map, 'hosts', path), hostsPath);
  return {
    id,
    displayName,
    ssh: parseSshMapping(ctx, map.get('ssh'), [...path, 'ssh']),
    vars: parseVarsLayer(ctx, map.get('vars'), [...path, 'vars']),
    hosts: [...hosts].map(([name, host]) => parseHost(ctx, name, host, [...hostsPath, name])),
  };
}

/** Every customer in document order; a host name used twice anywhere is an error naming both places. */
export function parseCustomers(ctx: ValidationContext, value: unknown, path: ValuePath): CustomerEntry[] {
  const customers = [...expectMap(ctx, value, path)].map(([id, customer]) =>
    parseCustomer(ctx, id, customer, [...path, id]),
  );
  const firstSeen = new Map<string, ValuePath>();
  for (const customer of customers) {
    for (const host of customer.hosts) {
      const here = [...path, customer.id, 'hosts', host.name];
      const earlier = firstSeen.get(host.name);
      if (earlier)
        invalid(ctx, here, `duplicate host name ${shown(host.name)} (also at ${pathText(earlier)})`);
      firstSeen.set(host.name, here);
    }
  }
  return customers;
}
