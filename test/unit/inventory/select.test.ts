import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';
import { customersOf, selectHosts } from '../../../src/inventory/select.js';

const INVENTORY = parseInventory(
  `
groups:
  canary: { customers: [acme] }
  eu: { customers: [globex, initech] }
  empty: { customers: [] }
customers:
  acme:
    hosts: { acme-1: { address: a1 }, acme-2: { address: a2 } }
  globex:
    hosts: { globex-1: { address: g1 } }
  initech:
    hosts: { initech-1: { address: i1 }, initech-2: { address: i2 } }
  umbrella:
    hosts: {}
`,
  'inv.yml',
  { home: '/home/tester' },
);

// Names of the hosts a limit selects.
const names = (limit: string | undefined) => selectHosts(INVENTORY, limit).map((host) => host.name);

describe('selectHosts', () => {
  it('selects everything without a limit', () => {
    const all = ['acme-1', 'acme-2', 'globex-1', 'initech-1', 'initech-2'];
    expect(names(undefined)).toEqual(all);
    expect(names('')).toEqual(all);
    expect(names(' , ')).toEqual(all);
  });

  it('selects by customer id, host name and group name', () => {
    expect(names('acme')).toEqual(['acme-1', 'acme-2']);
    expect(names('initech-2')).toEqual(['initech-2']);
    expect(names('eu')).toEqual(['globex-1', 'initech-1', 'initech-2']);
  });

  it('keeps inventory order whatever the pattern order, without duplicates', () => {
    expect(names('initech-2,acme-1,acme')).toEqual(['acme-1', 'acme-2', 'initech-2']);
  });

  it('supports * and ? globs', () => {
    expect(names('*-1')).toEqual(['acme-1', 'globex-1', 'initech-1']);
    expect(names('acme-?')).toEqual(['acme-1', 'acme-2']);
    expect(names('glob*')).toEqual(['globex-1']);
  });

  it('treats other characters literally', () => {
    expect(() => names('acme.1')).toThrow(HfleetError);
  });

  it('applies exclusions after inclusions', () => {
    expect(names('!acme-1,acme')).toEqual(['acme-2']);
    expect(names('eu,!initech-1')).toEqual(['globex-1', 'initech-2']);
    expect(names('eu,!initech')).toEqual(['globex-1']);
  });

  it('reads a list of only exclusions as "all but"', () => {
    expect(names('!canary')).toEqual(['globex-1', 'initech-1', 'initech-2']);
    expect(names('!canary,!*-2')).toEqual(['globex-1', 'initech-1']);
  });

  it('accepts naming a customer or group that has no hosts', () => {
    expect(names('umbrella')).toEqual([]);
    expect(names('empty')).toEqual([]);
  });

  it.each([
    ['acm', "--limit: 'acm' matches no customer, host or group"],
    ['acme,nope*', "--limit: 'nope*' matches no customer, host or group"],
    ['!ghost', "--limit: 'ghost' matches no customer, host or group"],
  ])('refuses %s, a pattern that matches nothing', (limit, message) => {
    let caught: unknown;
    try {
      selectHosts(INVENTORY, limit);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HfleetError);
    expect((caught as HfleetError).code).toBe('USAGE');
    expect((caught as HfleetError).message).toBe(message);
  });
});

describe('customersOf', () => {
  it('lists distinct customers in first-appearance order', () => {
    expect(customersOf(selectHosts(INVENTORY, 'initech-2,acme,globex-1'))).toEqual([
      'acme',
      'globex',
      'initech',
    ]);
    expect(customersOf([])).toEqual([]);
  });
});
