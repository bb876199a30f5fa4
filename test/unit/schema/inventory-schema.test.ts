import { readdirSync, readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';
import { inventorySchema } from '../../../src/schema/inventory-schema.js';
import { AJV_MISSING, compileWithAjv, type SchemaCheck } from './ajv.js';

const FIXTURES = 'test/fixtures/inventories';

// True when the loader accepts the text.
function loaderAccepts(text: string): boolean {
  try {
    parseInventory(text, 'inventory.yml', { home: '/home/tester' });
    return true;
  } catch (error) {
    if (error instanceof HfleetError) return false;
    throw error;
  }
}

// The YAML as the plain JSON an editor's schema check sees, or undefined when it is not YAML at all.
function asJson(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

// A one-host inventory with `patch` applied to the host, customer, defaults or top level.
function inventory(patch: { host?: object; customer?: object; ssh?: object; vars?: object; top?: object }) {
  return JSON.stringify({
    defaults: { ssh: { ...patch.ssh }, vars: { ...patch.vars } },
    customers: { acme: { ...patch.customer, hosts: { 'acme-1': { address: '10.0.0.1', ...patch.host } } } },
    ...patch.top,
  });
}

// Inventories the loader accepts; the schema must accept them too.
const GOOD: [string, string][] = [
  ['every var set', inventory({ vars: { memory_max: 1500000000, run_as: 'honeyframe', private_tmp: true } })],
  ['percent memory', inventory({ host: { vars: { memory_max: '12.5%', extra: { tier: 'gold', n: 3 } } } })],
  ['empty sections', 'defaults:\n  ssh:\n  vars:\ngroups:\ncustomers: {}\n'],
  [
    'host ssh fields',
    inventory({ host: { user: 'Admin.x', port: 2222, jump: 'ops@[fd00::1]:22', become: true } }),
  ],
  ['customer ssh', inventory({ customer: { display_name: 'Acme (EU)', ssh: { host_key_checking: 'off' } } })],
  ['group', inventory({ top: { groups: { canary: { customers: ['acme'], vars: { companions: [] } } } } })],
  ['home paths', inventory({ ssh: { identity_file: '~/.ssh/id', known_hosts: '~' } })],
];

// Inventories the loader refuses for a reason the schema can express; the schema must refuse them too.
const BAD: [string, string][] = [
  ['no customers', 'defaults: {}\n'],
  ['unknown top key', inventory({ top: { custmers: {} } })],
  ['unknown var', inventory({ vars: { memory: '1G' } })],
  ['unknown host key', inventory({ host: { adress: 'x' } })],
  ['host without address', JSON.stringify({ customers: { acme: { hosts: { a: { port: 22 } } } } })],
  ['port out of range', inventory({ host: { port: 70000 } })],
  ['port as string', inventory({ host: { port: '22' } })],
  ['memory_max unit', inventory({ vars: { memory_max: '900MB' } })],
  ['memory_max zero', inventory({ vars: { memory_max: 0 } })],
  ['newline in display name', inventory({ customer: { display_name: 'Acme\nExecStart=/bin/sh' } })],
  ['percent in display name', inventory({ customer: { display_name: '100%' } })],
  ['root-ish run_as', inventory({ vars: { run_as: 'Root User' } })],
  ['relative install_dir', inventory({ vars: { install_dir: 'opt/honeyframe' } })],
  ['service with suffix', inventory({ vars: { services: ['hub-platform.service'] } })],
  ['unknown companion', inventory({ vars: { companions: ['cron'] } })],
  ['duplicate service', inventory({ vars: { services: ['a', 'a'] } })],
  ['bad dropin name', inventory({ vars: { known_dropins: ['limits'] } })],
  ['health timeout 0', inventory({ vars: { health_timeout: 0 } })],
  ['private_tmp as string', inventory({ vars: { private_tmp: 'yes' } })],
  ['extra name', inventory({ vars: { extra: { 'Bad-Name': 1 } } })],
  ['extra mapping value', inventory({ vars: { extra: { x: { y: 1 } } } })],
  ['host key checking', inventory({ ssh: { host_key_checking: 'ask' } })],
  ['option-like address', inventory({ host: { address: '-oProxyCommand=x' } })],
  ['upper-case host name', JSON.stringify({ customers: { acme: { hosts: { Web: { address: 'x' } } } } })],
  ['jump with path', inventory({ host: { jump: 'a@b/c' } })],
  ['known_hosts on a host', inventory({ host: { known_hosts: '/tmp/k' } })],
  ['tilde user path', inventory({ ssh: { identity_file: '~bob/key' } })],
  ['group without customers', inventory({ top: { groups: { g: { vars: {} } } } })],
  ['trailing backslash', inventory({ vars: { dbt_schedule: 'daily\\' } })],
];

describe('inventory schema agrees with the loader', () => {
  let check: SchemaCheck | undefined;
  beforeAll(async () => {
    check = await compileWithAjv(inventorySchema());
    if (!check) console.warn(`skipped: ${AJV_MISSING}`);
  });

  it('accepts every fixture the loader accepts and refuses the refused ones it can express', (ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    const files = readdirSync(FIXTURES).map((name) => `${FIXTURES}/${name}`);
    let accepted = 0;
    for (const file of [...files, 'inventories/example.yml']) {
      const text = readFileSync(file, 'utf8');
      const json = asJson(text);
      if (loaderAccepts(text)) {
        accepted += 1;
        expect(check(json), file).toEqual([]);
      } else if (json !== undefined && !file.endsWith('duplicate-hosts.yml')) {
        // duplicate host names across customers is the one refusal a schema cannot express
        expect(check(json).length, file).toBeGreaterThan(0);
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(3);
  });

  it.for(GOOD)('both accept: %s', ([, text], ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    expect(loaderAccepts(text)).toBe(true);
    expect(check(asJson(text))).toEqual([]);
  });

  it.for(BAD)('both refuse: %s', ([, text], ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    expect(loaderAccepts(text)).toBe(false);
    expect(check(asJson(text)).length).toBeGreaterThan(0);
  });
});

describe('inventory schema content', () => {
  const schema = inventorySchema() as {
    $defs: { vars: { properties: Record<string, { default?: unknown; description?: string }> } };
  };

  it('describes every host variable with its default from the field table', () => {
    const vars = schema.$defs.vars.properties;
    expect(vars['memory_max']?.default).toBe('1500M');
    expect(vars['services']?.default).toEqual(['hub-platform', 'hub-cloud']);
    expect(Object.values(vars).every((field) => (field.description ?? '').length > 0)).toBe(true);
  });
});
