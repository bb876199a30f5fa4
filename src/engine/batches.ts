// Rolling batches: whole customers per batch, in inventory order, the `canary` group's customers first.
import { HfleetError } from '../errors.js';
import type { Host, Inventory } from '../inventory/types.js';

/** One batch of a rollout: every selected host of its customers. */
export interface Batch {
  customers: string[];
  hosts: Host[];
}

/** `--batch`: a number of customers, or a percentage of the selected customers. */
export type BatchSize = { count: number } | { percent: number };

/** Parse `--batch` (`2`, `25%`); anything else is a usage error. */
export function parseBatchSize(value: string | number | undefined): BatchSize {
  if (value === undefined) return { count: 1 };
  const text = String(value).trim();
  const percent = /^(\d{1,3})%$/.exec(text);
  if (percent && Number(percent[1]) >= 1 && Number(percent[1]) <= 100) return { percent: Number(percent[1]) };
  if (/^\d+$/.test(text) && Number(text) >= 1) return { count: Number(text) };
  throw new HfleetError(
    'USAGE',
    `--batch: '${text}' must be a number of customers (>= 1) or a percentage (1%-100%)`,
  );
}

function customersPerBatch(size: BatchSize, customerCount: number): number {
  if ('count' in size) return size.count;
  return Math.max(1, Math.ceil((customerCount * size.percent) / 100));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Split the selected hosts into batches: canary customers first (never mixed with others), then the rest.
 * The batches hold the given Host objects (resolved through the ssh config and --transport), in inventory order.
 */
export function planBatches(inventory: Inventory, hosts: readonly Host[], size: BatchSize): Batch[] {
  const selected = new Map(hosts.map((host) => [host.name, host]));
  const customers = inventory.customers
    .map((customer) => ({
      id: customer.id,
      hosts: customer.hosts.flatMap((host) => selected.get(host.name) ?? []),
    }))
    .filter((customer) => customer.hosts.length > 0);
  const canaryIds = new Set(inventory.groups.find((group) => group.name === 'canary')?.customers ?? []);
  const perBatch = customersPerBatch(size, customers.length);
  const canary = customers.filter((customer) => canaryIds.has(customer.id));
  const rest = customers.filter((customer) => !canaryIds.has(customer.id));
  return [...chunk(canary, perBatch), ...chunk(rest, perBatch)].map((group) => ({
    customers: group.map((customer) => customer.id),
    hosts: group.flatMap((customer) => customer.hosts),
  }));
}
