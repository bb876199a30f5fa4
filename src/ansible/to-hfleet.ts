// An Ansible inventory as an hfleet inventory: every host Ansible would reach over SSH, at the address,
// port and user Ansible would use, in customers chosen by a rule; hosts hfleet cannot take refused by name.
import { PATTERNS } from '../inventory/validate/checks.js';
import { type Connection, connectionOf } from './connection.js';
import { type CustomerRule, customerGroups, placeHost } from './customers.js';
import { IdAllocator } from './hfleet-ids.js';
import { hoistCommon } from './hoist.js';
import { groupsOfHosts, groupTree, hostVars } from './host-vars.js';
import { mapGroups } from './map-groups.js';
import { DISPLAY_NAME_VAR, mapVars } from './map-vars.js';
import type { AnsibleInventory } from './model.js';
import { NoteBook } from './notes.js';

/** How to convert: the customer rule and the login user for hosts that set none. */
export interface ConvertOptions {
  rule: CustomerRule;
  defaultUser: string;
  /** True when the user chose `defaultUser` (`--user`); else it is the local user, as Ansible takes it. */
  userGiven: boolean;
}

/** One imported host: its Ansible and hfleet names, customer and the connection written for it. */
export interface ImportedHost {
  ansibleName: string;
  name: string;
  customer: string;
  connection: Connection & { user: string };
  /** Why the rule left the host a customer of its own, if it did. */
  alone?: string;
}

/** The hfleet inventory as data, the hosts imported and refused, and the notes. */
export interface ConvertResult {
  inventory: Record<string, unknown>;
  hosts: ImportedHost[];
  refused: { host: string; reason: string }[];
  customerNames: Map<string, string>;
  notes: string[];
}

type Settings = Record<string, unknown>;
type HostRecord = Settings & { vars?: Settings };

// `vars` with `extra` folded in, or undefined when both are empty.
function varsBlock(
  vars: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const block: Record<string, unknown> = Object.keys(extra).length > 0 ? { ...vars, extra } : { ...vars };
  return Object.keys(block).length > 0 ? block : undefined;
}

// Convert; every note names the Ansible host or group it is about.
export function toHfleet(source: AnsibleInventory, options: ConvertOptions): ConvertResult {
  const notes = new NoteBook();
  for (const note of source.notes) notes.add('', note);
  const tree = groupTree(source);
  const groupsOf = groupsOfHosts(source, tree);
  const hostIds = new IdAllocator();
  const customerIds = new IdAllocator();
  const result: ConvertResult = {
    inventory: {},
    hosts: [],
    refused: [],
    customerNames: new Map(),
    notes: [],
  };
  const customers: Record<string, { display_name?: string; hosts: Record<string, HostRecord> }> = {};
  const records: HostRecord[] = [];
  for (const name of source.hosts.keys()) {
    const groups = groupsOf.get(name) ?? [];
    const vars = hostVars(source, name, groups);
    const verdict = connectionOf(name, vars);
    if ('refusal' in verdict) {
      result.refused.push({ host: name, reason: verdict.refusal });
      continue;
    }
    const hostId = hostIds.idOf(name);
    if (hostId !== name) notes.add(name, `renamed to '${hostId}' (hfleet names are [a-z0-9_.-])`);
    const placement = placeHost(options.rule, name, vars, {
      inventory: source,
      groupsOf: (host) => groupsOf.get(host) ?? [],
    });
    const customerName = 'name' in placement ? placement.name : name;
    if ('also' in placement && placement.also) {
      notes.add(name, `also matches customer(s) ${placement.also.join(', ')}; placed in ${customerName}`);
    }
    const customerId = customerIds.idOf(customerName);
    result.customerNames.set(customerId, customerName);
    const user = verdict.connection.user ?? options.defaultUser;
    if (verdict.connection.user === undefined && !options.userGiven) {
      notes.add(
        name,
        `sets no user: Ansible logs in as the local user (or ~/.ssh/config's User); written as user: ${user} (--user to choose)`,
      );
    }
    const mapped = mapVars(vars, name, notes);
    const { port } = verdict.connection;
    const record: HostRecord = {
      address: verdict.connection.address,
      ...(port ? { port } : {}),
      user,
      ...mapped.ssh,
    };
    const block = varsBlock(mapped.vars, mapped.extra);
    if (block) record.vars = block;
    records.push(record);
    const customer = customers[customerId] ?? { hosts: {} };
    const displayName = vars[DISPLAY_NAME_VAR] ?? (customerName !== customerId ? customerName : undefined);
    if (
      typeof displayName === 'string' &&
      PATTERNS.unitSafe.test(displayName) &&
      !displayName.includes('%')
    ) {
      customer.display_name = displayName;
    }
    customer.hosts[hostId] = record;
    customers[customerId] = customer;
    result.hosts.push({
      ansibleName: name,
      name: hostId,
      customer: customerId,
      connection: { ...verdict.connection, user },
      ...('alone' in placement ? { alone: placement.alone } : {}),
    });
  }
  const ssh = hoistCommon(records, (record) => {
    const { vars: _vars, address: _address, ...settings } = record;
    return settings;
  });
  for (const record of records) {
    for (const key of Object.keys(ssh)) delete record[key];
  }
  const extra = hoistCommon(
    records,
    (record) => (record.vars as Settings | undefined)?.['extra'] as Settings | undefined,
  );
  const vars = hoistCommon(records, (record) => {
    const { extra: _extra, ...plain }: Settings = (record.vars ?? {}) as Settings;
    return plain;
  });
  for (const record of records) {
    for (const key of Object.keys(vars)) delete record.vars?.[key];
    const ownExtra = record.vars?.['extra'] as Record<string, unknown> | undefined;
    if (ownExtra && Object.keys(ownExtra).length === 0) delete record.vars?.['extra'];
    if (record.vars && Object.keys(record.vars).length === 0) delete record.vars;
  }
  const defaultsVars = varsBlock(vars, extra);
  const groups = mapGroups(source, result.hosts, customerGroups(options.rule, source), notes, options.rule);
  result.inventory = {
    defaults: { ssh, ...(defaultsVars ? { vars: defaultsVars } : {}) },
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
    customers,
  };
  result.notes = notes.lines();
  return result;
}
