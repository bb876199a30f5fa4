import { describe, expect, it } from 'vitest';
import { parseBatchSize, planBatches } from '../../../src/engine/batches.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { hostFixture } from '../render/host-fixture.js';

function inventory(customers: Record<string, number>, canary: string[] = []): Inventory {
  const list = Object.entries(customers).map(([id, count]) => ({
    id,
    displayName: id,
    hosts: Array.from({ length: count }, (_, i) => hostFixture({}, { name: `${id}-${i + 1}`, customer: id })),
  }));
  return {
    file: 'inventory.yml',
    customers: list,
    groups: canary.length ? [{ name: 'canary', customers: canary }] : [],
    hosts: list.flatMap((customer) => customer.hosts),
  };
}

const names = (batches: ReturnType<typeof planBatches>) =>
  batches.map((batch) => batch.hosts.map((host) => host.name));

describe('parseBatchSize', () => {
  it.each([
    [undefined, { count: 1 }],
    ['3', { count: 3 }],
    ['50%', { percent: 50 }],
    ['100%', { percent: 100 }],
  ])('%s', (input, expected) => expect(parseBatchSize(input)).toEqual(expected));

  it.each(['0', '-1', '0%', '101%', 'half', '1.5', '%'])('refuses %j', (input) => {
    expect(() => parseBatchSize(input)).toThrow(/--batch/);
  });
});

describe('planBatches', () => {
  it('keeps all hosts of a customer in one batch, customers in inventory order', () => {
    const inv = inventory({ acme: 2, globex: 1, initech: 1 });
    expect(names(planBatches(inv, inv.hosts, { count: 1 }))).toEqual([
      ['acme-1', 'acme-2'],
      ['globex-1'],
      ['initech-1'],
    ]);
  });

  it('hands out the hosts it was given (resolved through the ssh config), not the inventory copies', () => {
    const inv = inventory({ acme: 1, globex: 1 });
    const resolved = inv.hosts.map((host) => ({ ...host, address: `resolved-${host.name}` }));
    const batches = planBatches(inv, resolved, { count: 1 });
    expect(batches.flatMap((batch) => batch.hosts)).toEqual(resolved);
  });

  it('puts the canary group first, never mixed with other customers', () => {
    const inv = inventory({ acme: 1, globex: 1, initech: 1, umbrella: 1 }, ['initech']);
    expect(names(planBatches(inv, inv.hosts, { count: 2 }))).toEqual([
      ['initech-1'],
      ['acme-1', 'globex-1'],
      ['umbrella-1'],
    ]);
  });

  it('sizes a percentage batch by customers, rounding up, at least one', () => {
    const inv = inventory({ a: 1, b: 1, c: 1, d: 1, e: 1 });
    expect(names(planBatches(inv, inv.hosts, { percent: 50 }))).toEqual([
      ['a-1', 'b-1', 'c-1'],
      ['d-1', 'e-1'],
    ]);
    expect(planBatches(inv, inv.hosts, { percent: 1 })).toHaveLength(5);
  });

  it('only batches the selected hosts', () => {
    const inv = inventory({ acme: 2, globex: 1 });
    const selected = inv.hosts.filter((host) => host.name !== 'acme-2');
    expect(names(planBatches(inv, selected, { count: 5 }))).toEqual([['acme-1', 'globex-1']]);
  });
});
