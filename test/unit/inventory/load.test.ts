import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { loadInventory, parseInventory } from '../../../src/inventory/load.js';
import type { Host, Inventory } from '../../../src/inventory/types.js';
import { scratchDir } from '../../support/scratch-dir.js';
import { DEFAULT_HOST_VARS } from '../render/host-fixture.js';

const FIXTURES = 'test/fixtures/inventories';
const HOME = '/home/tester';

// The host called `name`, failing the test when it is absent.
function host(inventory: Inventory, name: string): Host {
  const found = inventory.hosts.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no host ${name}`);
  return found;
}

// The error a call throws, failing the test when it does not throw an HfleetError.
function errorOf(call: () => unknown): HfleetError {
  try {
    call();
  } catch (error) {
    if (error instanceof HfleetError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('defaults', () => {
  it('gives an inventory that sets nothing the documented defaults', () => {
    const inventory = loadInventory(`${FIXTURES}/minimal.yml`, { home: HOME });
    const acme1 = host(inventory, 'acme-1');
    expect(acme1.ssh).toEqual({
      user: 'root',
      port: 22,
      identityFile: undefined,
      knownHosts: '/home/tester/.ssh/known_hosts',
      hostKeyChecking: 'strict',
      jump: undefined,
      become: false,
      connectTimeout: 10,
    });
    expect(acme1.vars).toEqual(DEFAULT_HOST_VARS);
    expect(acme1).toMatchObject({
      customer: 'acme',
      displayName: 'acme',
      address: '203.0.113.10',
      groups: [],
    });
    expect(inventory.file).toBe(`${FIXTURES}/minimal.yml`);
  });

  it('does not share default lists between hosts', () => {
    const inventory = parseInventory(
      'customers: { a: { hosts: { a-1: { address: x1 }, a-2: { address: x2 } } } }',
      'inv.yml',
      { home: HOME },
    );
    host(inventory, 'a-1').vars.services.push('mutated');
    expect(host(inventory, 'a-2').vars.services).toEqual(['hub-platform', 'hub-cloud']);
  });
});

describe('precedence', () => {
  const inventory = loadInventory(`${FIXTURES}/precedence.yml`, { home: HOME });

  it('vars: defaults < groups in listed order < customer < host', () => {
    const acme1 = host(inventory, 'acme-1');
    expect(acme1.groups).toEqual(['first', 'second']);
    expect(acme1.vars.health_timeout).toBe(50); // second group beats first group beats defaults
    expect(acme1.vars.memory_max).toBe('900M'); // customer beats group
    expect(acme1.vars.dbt_schedule).toBe('*-*-* 03:00:00'); // defaults only
    expect(acme1.vars.services).toEqual(['hub-platform']); // lists replace
    const acme2 = host(inventory, 'acme-2');
    expect(acme2.vars.memory_max).toBe('50%'); // host beats customer
    expect(acme2.vars.private_tmp).toBe(true);
    expect(acme2.vars.services).toEqual(['hub-cloud']);
    const globex1 = host(inventory, 'globex-1');
    expect(globex1.groups).toEqual(['first']);
    expect(globex1.vars.memory_max).toBe('2G'); // group beats defaults
    expect(globex1.vars.health_timeout).toBe(40);
    expect(globex1.vars.services).toEqual(['hub-platform', 'hub-cloud', 'hub-extra']);
  });

  it('extra: merged name by name, lists inside replaced', () => {
    expect(host(inventory, 'acme-1').vars.extra).toEqual({ tier: 'silver', region: 'eu', flags: ['a', 'b'] });
    expect(host(inventory, 'acme-2').vars.extra).toEqual({ tier: 'silver', region: 'eu', flags: ['c'] });
  });

  it('ssh: defaults < customer ssh < host fields', () => {
    expect(host(inventory, 'globex-1').ssh).toEqual({
      user: 'fleet',
      port: 2200,
      identityFile: '/home/tester/.ssh/fleet_key',
      knownHosts: resolve(FIXTURES, 'keys/known_hosts'),
      hostKeyChecking: 'accept-new',
      jump: undefined,
      become: false,
      connectTimeout: 5,
    });
    expect(host(inventory, 'acme-1').ssh).toMatchObject({ user: 'acme-admin', port: 2201, become: true });
    expect(host(inventory, 'acme-2').ssh).toMatchObject({
      user: 'root',
      port: 2222,
      become: false,
      identityFile: '/keys/acme-2',
      jump: 'bastion@jump.example:2022',
      hostKeyChecking: 'accept-new',
    });
  });

  it('keeps inventory order and customers without hosts', () => {
    expect(inventory.customers.map((customer) => customer.id)).toEqual(['acme', 'globex', 'initech']);
    expect(inventory.hosts.map((h) => h.name)).toEqual(['acme-1', 'acme-2', 'globex-1']);
    expect(inventory.customers[0]?.displayName).toBe('Acme Corp');
    expect(inventory.groups).toEqual([
      { name: 'first', customers: ['acme', 'globex'] },
      { name: 'second', customers: ['acme'] },
    ]);
  });

  it('keeps numeric-looking ids in document order', () => {
    const inventory = parseInventory(
      'customers: { zeta: { hosts: { z-1: { address: z } } }, 42: { hosts: { h42: { address: y } } } }',
      'inv.yml',
    );
    expect(inventory.customers.map((customer) => customer.id)).toEqual(['zeta', '42']);
  });
});

describe('the annotated example inventory', () => {
  const inventory = loadInventory('inventories/example.yml', { home: HOME });

  it('loads, with the canary group, a non-root host and a private_tmp host', () => {
    expect(inventory.groups.map((group) => group.name)).toContain('canary');
    expect(inventory.hosts.some((h) => h.vars.run_as !== 'root')).toBe(true);
    expect(inventory.hosts.some((h) => h.vars.private_tmp)).toBe(true);
    expect(inventory.hosts.map((h) => h.name)).toEqual(['acme-1', 'acme-2', 'globex-1', 'initech-1']);
  });

  it('applies precedence as its comments say', () => {
    const acme2 = host(inventory, 'acme-2');
    expect(acme2.vars).toMatchObject({ memory_max: '900M', health_timeout: 120, private_tmp: true });
    expect(acme2.vars.dbt_schedule).toBe('*-*-* 01:30:00');
    expect(acme2.ssh).toMatchObject({ port: 2222, user: 'root' });
    const globex1 = host(inventory, 'globex-1');
    expect(globex1.displayName).toBe('Globex Corporation');
    expect(globex1.ssh).toMatchObject({ user: 'deploy', become: true, port: 22 });
    expect(globex1.vars).toMatchObject({ run_as: 'honeyframe', companions: ['dbt-run'], health_timeout: 60 });
    expect(globex1.vars.extra).toEqual({ support_tier: 'gold', alert_emails: ['ops@globex.example'] });
    const initech1 = host(inventory, 'initech-1');
    expect(initech1).toMatchObject({ displayName: 'initech', groups: [] });
    expect(initech1.ssh).toMatchObject({ user: 'admin', become: true });
    expect(initech1.vars.dbt_schedule).toBe('*-*-* 02:00:00');
  });

  it('starts with the schema line for editors', () => {
    const firstLine = readFileSync('inventories/example.yml', 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=../schema/inventory.schema.json');
  });
});

describe('file errors', () => {
  it('names a missing file', () => {
    const error = errorOf(() => loadInventory('no/such/inventory.yml'));
    expect(error.code).toBe('INVENTORY_INVALID');
    expect(error.message).toBe('no/such/inventory.yml: cannot read the inventory: no such file');
    expect(error.hint).toMatch(/HFLEET_INVENTORY/);
  });

  it('names an empty file', () => {
    expect(errorOf(() => loadInventory(`${FIXTURES}/empty.yml`)).message).toBe(
      `${FIXTURES}/empty.yml: the file is empty (expected a mapping with customers:)`,
    );
  });

  it('names a top level that is not a mapping', () => {
    expect(errorOf(() => loadInventory(`${FIXTURES}/top-level-list.yml`)).message).toMatch(
      /^test\/fixtures\/inventories\/top-level-list\.yml: the top level must be a mapping .* got a list$/,
    );
  });

  it('refuses a file over 5 MiB before parsing it', () => {
    const dir = scratchDir('hfleet-inventory-');
    const file = join(dir, 'huge.yml');
    writeFileSync(file, `# ${'x'.repeat(5 * 1024 * 1024)}\ncustomers: {}\n`);
    expect(errorOf(() => loadInventory(file)).message).toBe(
      `${file}: larger than 5 MiB; refusing to parse it`,
    );
  });

  it('expands ~ with the given home and resolves relative key paths next to the inventory', () => {
    const withHost = parseInventory(
      'defaults: { ssh: { identity_file: "~/.ssh/id", known_hosts: kh } }\ncustomers: { a: { hosts: { a-1: { address: a } } } }',
      '/srv/fleet/inventory.yml',
      { home: '/root' },
    );
    expect(withHost.hosts[0]?.ssh).toMatchObject({
      identityFile: '/root/.ssh/id',
      knownHosts: '/srv/fleet/kh',
    });
  });
});
