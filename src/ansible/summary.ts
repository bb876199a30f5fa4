// The few lines a person reads after an import: how customers were chosen and what came of it, and, when
// each host is its own customer, the groups that would make better customers.
import { type CustomerRule, describeRule } from './customers.js';
import type { AnsibleInventory } from './model.js';
import type { ConvertResult } from './to-hfleet.js';

const SHOWN = 8;

// `a (3), b (2), c (1) and 4 more`
function listed(items: [string, number][]): string {
  const shown = items.slice(0, SHOWN).map(([name, count]) => `${name} (${count})`);
  return shown.join(', ') + (items.length > SHOWN ? ` and ${items.length - SHOWN} more` : '');
}

/** Groups whose children split the imported hosts without overlap: candidates for `--customer-from group:`. */
export function parentCandidates(
  inventory: AnsibleInventory,
  hosts: readonly string[],
): [string, number, number][] {
  const imported = new Set(hosts);
  const candidates: [string, number, number][] = [];
  for (const [name, group] of inventory.groups) {
    if (name === 'all' || group.children.length < 2) continue;
    const seen = new Set<string>();
    let overlap = false;
    let nonEmpty = 0;
    for (const child of group.children) {
      const members = new Set<string>();
      const stack = [child];
      for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
        for (const host of inventory.groups.get(item)?.hosts ?? []) if (imported.has(host)) members.add(host);
        stack.push(...(inventory.groups.get(item)?.children ?? []));
      }
      for (const host of members) {
        if (seen.has(host)) overlap = true;
        seen.add(host);
      }
      if (members.size > 0) nonEmpty += 1;
    }
    if (!overlap && nonEmpty >= 2 && seen.size * 2 >= imported.size)
      candidates.push([name, nonEmpty, seen.size]);
  }
  return candidates.sort((a, b) => b[2] - a[2] || a[1] - b[1]);
}

/** The summary lines. */
export function summarize(inventory: AnsibleInventory, result: ConvertResult, rule: CustomerRule): string[] {
  const perCustomer = new Map<string, number>();
  for (const host of result.hosts) perCustomer.set(host.customer, (perCustomer.get(host.customer) ?? 0) + 1);
  const lines = [
    `customers from ${describeRule(rule)}: ${result.hosts.length} host(s) in ${perCustomer.size} customer(s): ${listed([...perCustomer].sort((a, b) => b[1] - a[1]))}`,
  ];
  const alone = result.hosts.filter((host) => host.alone !== undefined);
  if (alone.length > 0) {
    lines.push(
      `${alone.length} host(s) a customer of their own (${alone[0]?.alone}): ${alone
        .slice(0, SHOWN)
        .map((host) => host.ansibleName)
        .join(', ')}${alone.length > SHOWN ? ' ...' : ''}`,
    );
  }
  if (rule.kind === 'host' && perCustomer.size > 1) {
    const best = parentCandidates(
      inventory,
      result.hosts.map((host) => host.ansibleName),
    ).slice(0, 3);
    for (const [name, customers, covered] of best) {
      lines.push(
        `hint: --customer-from group:${name} would make ${customers} customer(s) covering ${covered} of ${result.hosts.length} host(s)`,
      );
    }
  }
  if (result.refused.length > 0)
    lines.push(`${result.refused.length} host(s) refused (see the refused: lines)`);
  return lines;
}
