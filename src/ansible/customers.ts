// Which hfleet customer each Ansible host belongs to: `--customer-from host | group:PARENT |
// group-prefix:PREFIX | host-pattern:REGEX | var:NAME`; a host the rule does not place is a customer of its own.
import { HfleetError } from '../errors.js';
import type { AnsibleInventory, AnsibleVars } from './model.js';

/** How customers are chosen. */
export type CustomerRule =
  | { kind: 'host' }
  | { kind: 'group'; parent: string }
  | { kind: 'group-prefix'; prefix: string }
  | { kind: 'host-pattern'; pattern: RegExp }
  | { kind: 'var'; name: string };

/** The forms `--customer-from` takes, for help and errors. */
export const CUSTOMER_RULE_FORMS = 'host, group:PARENT, group-prefix:PREFIX, host-pattern:REGEX, var:NAME';

/** `--customer-from` text into a rule; a bad form or regular expression is a usage error. */
export function parseCustomerRule(text: string): CustomerRule {
  const at = text.indexOf(':');
  const kind = at < 0 ? text : text.slice(0, at);
  const argument = at < 0 ? '' : text.slice(at + 1);
  const usage = (why: string): never => {
    throw new HfleetError('USAGE', `--customer-from ${text}: ${why}`, {
      hint: `one of ${CUSTOMER_RULE_FORMS}`,
    });
  };
  if (kind === 'host' && argument === '') return { kind };
  if (argument === '') return usage('missing the part after the colon');
  if (kind === 'group') return { kind, parent: argument };
  if (kind === 'group-prefix') return { kind, prefix: argument };
  if (kind === 'var') return { kind, name: argument };
  if (kind === 'host-pattern') {
    try {
      return { kind, pattern: new RegExp(argument, 'u') };
    } catch (error) {
      return usage(`not a regular expression: ${(error as Error).message}`);
    }
  }
  return usage('unknown kind');
}

/** The rule as the summary names it. */
export function describeRule(rule: CustomerRule): string {
  if (rule.kind === 'host') return 'one customer per host';
  if (rule.kind === 'group') return `the group each host is in under '${rule.parent}'`;
  if (rule.kind === 'group-prefix') return `the group named '${rule.prefix}NAME' each host is in`;
  if (rule.kind === 'host-pattern') return `the host name matched by /${rule.pattern.source}/`;
  return `the host variable '${rule.name}'`;
}

/** Where a host goes: the customer's Ansible-side name, or why the rule left it on its own. */
export type Placement = { name: string; also?: string[] } | { alone: string };

/** What the rules read besides the host's name and vars. */
export interface PlacementContext {
  inventory: AnsibleInventory;
  groupsOf: (host: string) => readonly string[];
}

// The groups of `host` among `candidates`, in the candidates' order.
function among(candidates: readonly string[], groups: readonly string[]): string[] {
  const mine = new Set(groups);
  return candidates.filter((name) => mine.has(name));
}

// A list of names into a placement: the first, the others as `also`, none as `alone`.
function firstOf(names: string[], alone: string): Placement {
  const [first, ...rest] = names;
  if (first === undefined) return { alone };
  return rest.length > 0 ? { name: first, also: rest } : { name: first };
}

/** Where `rule` puts `host`. */
export function placeHost(
  rule: CustomerRule,
  host: string,
  vars: AnsibleVars,
  context: PlacementContext,
): Placement {
  if (rule.kind === 'host') return { name: host };
  if (rule.kind === 'group') {
    const children = context.inventory.groups.get(rule.parent)?.children ?? [];
    return firstOf(among(children, context.groupsOf(host)), `in no group under '${rule.parent}'`);
  }
  if (rule.kind === 'group-prefix') {
    const named = context
      .groupsOf(host)
      .filter((name) => name.startsWith(rule.prefix) && name !== rule.prefix);
    return firstOf(
      named.map((name) => name.slice(rule.prefix.length)),
      `in no group named '${rule.prefix}...'`,
    );
  }
  if (rule.kind === 'host-pattern') {
    const match = rule.pattern.exec(host);
    const name = match?.[1] ?? match?.[0];
    return name ? { name } : { alone: `name does not match /${rule.pattern.source}/` };
  }
  const value = Object.hasOwn(vars, rule.name) ? vars[rule.name] : undefined;
  if (typeof value === 'string' && value !== '') return { name: value };
  if (typeof value === 'number') return { name: String(value) };
  return { alone: `sets no ${rule.name}` };
}

/** The groups that make customers under `rule` (they become customers, not hfleet groups). */
export function customerGroups(rule: CustomerRule, inventory: AnsibleInventory): Set<string> {
  if (rule.kind === 'group') return new Set(inventory.groups.get(rule.parent)?.children ?? []);
  if (rule.kind === 'group-prefix') {
    return new Set(
      [...inventory.groups.keys()].filter((name) => name.startsWith(rule.prefix) && name !== rule.prefix),
    );
  }
  return new Set();
}
