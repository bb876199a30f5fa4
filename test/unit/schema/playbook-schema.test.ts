import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parsePlaybook } from '../../../src/playbook/load.js';
import { MODULE_PARAMS } from '../../../src/playbook/module-params.js';
import { playbookSchema } from '../../../src/schema/playbook-schema.js';
import { AJV_MISSING, compileWithAjv, type SchemaCheck } from './ajv.js';

const BUILTIN = 'playbooks/honeyframe.yml';

// True when the playbook loader accepts the value (written out as YAML).
function loaderAccepts(value: unknown): boolean {
  try {
    parsePlaybook(dump(value), 'playbook.yml');
    return true;
  } catch (error) {
    if (error instanceof HfleetError) return false;
    throw error;
  }
}

const task = (extra: object) => ({ name: 'pb', tasks: [{ name: 't', ...extra }] });

const GOOD: [string, unknown][] = [
  ['service', task({ service: { name: 'a.service', state: 'started', enabled: true } })],
  ['health with placeholder port', task({ health: { service: 'a.service', port: '{{ port }}' } })],
  ['loop and notify', task({ file: { dest: '/x', content: 'y' }, loop: ['a'], notify: 'a.service' })],
];

const BAD: [string, unknown][] = [
  ['no module', task({})],
  ['two modules', task({ unit: { name: 'a', template: 'b' }, user: { name: 'u' } })],
  ['unknown module', task({ copy: { dest: '/x' } })],
  ['missing required param', task({ unit: { name: 'a' } })],
  ['unknown param', task({ user: { name: 'u', home: '/h' } })],
  ['bad enum', task({ service: { name: 'a', state: 'restarted' } })],
  ['list as string', task({ command: { argv: 'ls -l' } })],
  ['no tasks', { name: 'pb', tasks: [] }],
  ['unknown top key', { name: 'pb', tasks: [{ name: 't', user: { name: 'u' } }], hosts: 'all' }],
  ['task without name', { name: 'pb', tasks: [{ user: { name: 'u' } }] }],
];

describe('playbook schema agrees with the playbook loader', () => {
  let check: SchemaCheck | undefined;
  beforeAll(async () => {
    check = await compileWithAjv(playbookSchema());
  });

  it('accepts the built-in playbook', (ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    expect(check(load(readFileSync(BUILTIN, 'utf8'), { schema: CORE_SCHEMA }))).toEqual([]);
  });

  it.for(GOOD)('both accept: %s', ([, value], ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    expect(loaderAccepts(value)).toBe(true);
    expect(check(value)).toEqual([]);
  });

  it.for(BAD)('both refuse: %s', ([, value], ctx) => {
    if (!check) return ctx.skip(AJV_MISSING);
    expect(loaderAccepts(value)).toBe(false);
    expect(check(value).length).toBeGreaterThan(0);
  });
});

describe('playbook schema content', () => {
  it('has one definition per module with the required parameters of the table', () => {
    const defs = (playbookSchema() as { $defs: Record<string, { required?: string[] }> }).$defs;
    for (const [module, params] of Object.entries(MODULE_PARAMS)) {
      const required = Object.keys(params).filter((key) => params[key]?.required);
      expect(defs[module]?.required ?? [], module).toEqual(required);
    }
  });
});
