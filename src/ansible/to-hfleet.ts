// An Ansible inventory as an hfleet inventory: every host Ansible would reach over SSH, at the address,
// port and user Ansible would use, in customers chosen by a rule; hosts hfleet cannot take refused by name.
import { PATTERNS } from '../inventory/validate/checks.js';
import { type Connection, connectionOf } from './connection.js';
import { type CustomerRule, customerGroups, describeRule, placeHost } from './customers.js';
import { IdAllocator } from './hfleet-ids.js';
import { type HostSettings, hoistShared, varsBlock } from './hoist.js';
import { groupsOfHosts, groupTree, hostVars } from './host-vars.js';
import { mapGroups } from './map-groups.js';
import { CUSTOMER_VAR, DISPLAY_NAME_VAR, mapVars } from './map-vars.js';
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

/** A customer as it is being built: its display name and its hosts' settings by hfleet name. */
interface CustomerDraft {
  displayName?: string;
  hosts: Map<string, HostSettings & { address: string }>;
}

// The hfleet `customers` mapping: settings all of a customer's hosts share written once on the customer.
function writeCustomers(drafts: Map<string, CustomerDraft>): Record<string, Settings> {
  const customers: Record<string, Settings> = {};
  for (const [id, draft] of drafts) {
    const shared = draft.hosts.size > 1 ? hoistShared([...draft.hosts.values()]) : undefined;
    const hosts: Record<string, Settings> = {};
    for (const [name, host] of draft.hosts) {
      const vars = varsBlock(host);
      hosts[name] = { address: host.address, ...host.ssh, ...(vars ? { vars } : {}) };
    }
    const vars = shared && varsBlock(shared);
    customers[id] = {
      ...(draft.displayName ? { display_name: draft.displayName } : {}),
      ...(shared && Object.keys(shared.ssh).length > 0 ? { ssh: shared.ssh } : {}),
      ...(vars ? { vars } : {}),
      hosts,
    };
  }
  return customers;
}

// A display name hfleet accepts (one line, no systemd specifier).
function isDisplayName(value: unknown): value is string {
  return typeof value === 'string' && PATTERNS.unitSafe.test(value) && !value.includes('%');
}

/** Convert; every note names the Ansible host or group it is about. */
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
  const drafts = new Map<string, CustomerDraft>();
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
    for (const text of verdict.connection.defaulted) notes.add(name, text);
    const user = verdict.connection.user ?? options.defaultUser;
    if (verdict.connection.user === undefined && !options.userGiven) {
      notes.add(
        name,
        `sets no user: Ansible logs in as the local user (or ~/.ssh/config's User); written as user: ${user} (--user to choose)`,
      );
    }
    const mapped = mapVars(vars, name, notes);
    const { address, port } = verdict.connection;
    const ssh = { ...(port ? { port } : {}), user, ...mapped.ssh };
    const draft: CustomerDraft = drafts.get(customerId) ?? { hosts: new Map() };
    draft.hosts.set(hostId, { address, ssh, vars: mapped.vars, extra: mapped.extra });
    const displayName = vars[DISPLAY_NAME_VAR] ?? (customerName !== customerId ? customerName : undefined);
    if (isDisplayName(displayName)) draft.displayName = displayName;
    else if (displayName !== undefined)
      notes.add(name, `${DISPLAY_NAME_VAR}: not a display name hfleet accepts; not mapped`);
    if (
      Object.hasOwn(vars, CUSTOMER_VAR) &&
      !(options.rule.kind === 'var' && options.rule.name === CUSTOMER_VAR)
    ) {
      notes.add(name, `${CUSTOMER_VAR}: not used (customers from ${describeRule(options.rule)})`);
    }
    drafts.set(customerId, draft);
    result.hosts.push({
      ansibleName: name,
      name: hostId,
      customer: customerId,
      connection: { ...verdict.connection, user },
      ...('alone' in placement ? { alone: placement.alone } : {}),
    });
  }
  const defaults = hoistShared([...drafts.values()].flatMap((draft) => [...draft.hosts.values()]));
  const defaultsVars = varsBlock(defaults);
  const groups = mapGroups(source, result.hosts, customerGroups(options.rule, source), notes, options.rule);
  result.inventory = {
    defaults: {
      ...(Object.keys(defaults.ssh).length > 0 ? { ssh: defaults.ssh } : {}),
      ...(defaultsVars ? { vars: defaultsVars } : {}),
    },
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
    customers: writeCustomers(drafts),
  };
  result.notes = notes.lines();
  return result;
}
