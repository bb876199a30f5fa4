import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HfleetError } from '../../../src/errors.js';
import { parseInventory } from '../../../src/inventory/load.js';

const FIXTURES = 'test/fixtures/inventories';
const FILE = 'inventory.yml';

// An inventory with one customer `acme` and host `acme-1`, with `host`, `customer` and `top` merged in (as JSON).
function inventoryText(
  parts: { host?: object; customer?: object; top?: object; vars?: object; ssh?: object } = {},
): string {
  const acme1 = { address: '10.0.0.1', ...parts.host };
  const acme = { display_name: 'Acme Corp', ...parts.customer, hosts: { 'acme-1': acme1 } };
  return JSON.stringify({
    defaults: { ssh: { ...parts.ssh }, vars: { ...parts.vars } },
    customers: { acme },
    ...parts.top,
  });
}

// The message parsing `text` fails with (as an INVENTORY_INVALID HfleetError, one line, with a hint).
function messageOf(text: string, file = FILE): string {
  try {
    parseInventory(text, file, { home: '/home/tester' });
  } catch (error) {
    if (!(error instanceof HfleetError)) throw error;
    expect(error.code).toBe('INVENTORY_INVALID');
    expect(error.hint).toBeTruthy();
    expect(error.message).not.toMatch(/\n/);
    return error.message;
  }
  throw new Error('expected the inventory to be refused');
}

const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');
const MEMORY_HELP = 'is not a MemoryMax= systemd accepts (e.g. 900M, 1.5G, 1500000000, 50%, infinity)';
const PATH_HELP = "must be an absolute normalized path of [A-Za-z0-9._-] segments (no '..')";
const CONTROL = 'must not contain a newline or other control character';

// [what, inventory text, the exact message]
const BAD_INPUTS: [string, string, string][] = [
  // YAML itself
  ['unclosed flow mapping', fixture('syntax-error.yml'), `${FILE}:5:7: deficient indentation`],
  ['duplicate key', 'customers: {}\ncustomers: {}\n', `${FILE}:2:1: duplicated mapping key`],
  [
    'custom tag',
    'customers: !!binary aGk=\n',
    `${FILE}:1:12: unknown scalar tag !<tag:yaml.org,2002:binary>`,
  ],
  [
    'two documents',
    'customers: {}\n---\ncustomers: {}\n',
    `${FILE}: expected a single document in the stream, but found more`,
  ],
  [
    'top level is a scalar',
    'just text\n',
    `${FILE}: the top level must be a mapping with customers: (and optionally defaults:, groups:), got a string`,
  ],
  ['customers missing', 'defaults: {}\n', `${FILE}: customers: is required`],
  // unknown keys at every level
  [
    'unknown top-level key',
    inventoryText({ top: { custmers: {} } }),
    `${FILE}: custmers: unknown key (expected one of: defaults, groups, customers)`,
  ],
  [
    'unknown key in defaults',
    inventoryText({ top: { defaults: { sshh: {} } } }),
    `${FILE}: defaults/sshh: unknown key (expected one of: ssh, vars)`,
  ],
  [
    'unknown key in defaults/ssh',
    inventoryText({ ssh: { usr: 'x' } }),
    `${FILE}: defaults/ssh/usr: unknown key (expected one of: user, port, identity_file, known_hosts, host_key_checking, jump, become, transport, connect_timeout)`,
  ],
  [
    'unknown key in defaults/vars',
    inventoryText({ vars: { memory: '1G' } }),
    `${FILE}: defaults/vars/memory: unknown key (expected one of: install_dir, data_dir, memory_max, run_as, private_tmp, services, companions, known_dropins, health_timeout, dbt_schedule, extra)`,
  ],
  [
    'unknown key in a group',
    inventoryText({ top: { groups: { canary: { customers: ['acme'], hosts: [] } } } }),
    `${FILE}: groups/canary/hosts: unknown key (expected one of: customers, vars)`,
  ],
  [
    'unknown key in a customer',
    inventoryText({ customer: { displayname: 'x' } }),
    `${FILE}: customers/acme/displayname: unknown key (expected one of: display_name, ssh, vars, hosts)`,
  ],
  [
    'unknown key in a host',
    inventoryText({ host: { adress: 'x' } }),
    `${FILE}: customers/acme/hosts/acme-1/adress: unknown key (expected one of: address, user, port, identity_file, jump, become, transport, vars)`,
  ],
  [
    'ssh-only key on a host',
    inventoryText({ host: { connect_timeout: 5 } }),
    `${FILE}: customers/acme/hosts/acme-1/connect_timeout: unknown key (expected one of: address, user, port, identity_file, jump, become, transport, vars)`,
  ],
  [
    'unknown key in host vars',
    inventoryText({ host: { vars: { privatetmp: true } } }),
    `${FILE}: customers/acme/hosts/acme-1/vars/privatetmp: unknown key (expected one of: install_dir, data_dir, memory_max, run_as, private_tmp, services, companions, known_dropins, health_timeout, dbt_schedule, extra)`,
  ],
  // wrong types and ranges
  [
    'port 0',
    inventoryText({ host: { port: 0 } }),
    `${FILE}: customers/acme/hosts/acme-1/port: must be an integer 1-65535`,
  ],
  [
    'port 70000',
    inventoryText({ host: { port: 70000 } }),
    `${FILE}: customers/acme/hosts/acme-1/port: must be an integer 1-65535`,
  ],
  [
    'port "22" (a string)',
    inventoryText({ host: { port: '22' } }),
    `${FILE}: customers/acme/hosts/acme-1/port: must be an integer 1-65535`,
  ],
  [
    'customer ssh port 1.5',
    inventoryText({ customer: { ssh: { port: 1.5 } } }),
    `${FILE}: customers/acme/ssh/port: must be an integer 1-65535`,
  ],
  [
    'bad host_key_checking',
    inventoryText({ ssh: { host_key_checking: 'yes' } }),
    `${FILE}: defaults/ssh/host_key_checking: must be one of strict, accept-new, off`,
  ],
  [
    'become as a string',
    inventoryText({ host: { become: 'yes' } }),
    `${FILE}: customers/acme/hosts/acme-1/become: must be true or false, got a string`,
  ],
  [
    'hosts as a list',
    JSON.stringify({ customers: { acme: { hosts: ['acme-1'] } } }),
    `${FILE}: customers/acme/hosts: must be a mapping, got a list`,
  ],
  [
    'host without address',
    inventoryText({ host: { address: undefined, port: 22 } }),
    `${FILE}: customers/acme/hosts/acme-1/address: is required`,
  ],
  [
    'address that looks like an option',
    inventoryText({ host: { address: '-oProxyCommand=sh' } }),
    `${FILE}: customers/acme/hosts/acme-1/address: '-oProxyCommand=sh' is not an IP address or DNS name`,
  ],
  [
    'address with a space',
    inventoryText({ host: { address: 'a b' } }),
    `${FILE}: customers/acme/hosts/acme-1/address: 'a b' is not an IP address or DNS name`,
  ],
  [
    'jump host that looks like an option',
    inventoryText({ ssh: { jump: 'root@-oProxy' } }),
    `${FILE}: defaults/ssh/jump: 'root@-oProxy' must be [user@]host[:port], or several of them separated by commas`,
  ],
  [
    'identity_file of another user',
    inventoryText({ ssh: { identity_file: '~bob/key' } }),
    `${FILE}: defaults/ssh/identity_file: '~bob/key': only '~/' is expanded (to your home directory)`,
  ],
  [
    'health_timeout 0',
    inventoryText({ vars: { health_timeout: 0 } }),
    `${FILE}: defaults/vars/health_timeout: must be an integer 1-3600`,
  ],
  [
    'health_timeout 3601',
    inventoryText({ vars: { health_timeout: 3601 } }),
    `${FILE}: defaults/vars/health_timeout: must be an integer 1-3600`,
  ],
  [
    'private_tmp as a string',
    inventoryText({ vars: { private_tmp: 'true' } }),
    `${FILE}: defaults/vars/private_tmp: must be true or false, got a string`,
  ],
  [
    'services as a string',
    inventoryText({ vars: { services: 'hub-platform' } }),
    `${FILE}: defaults/vars/services: must be a list of strings, got a string`,
  ],
  // values that would change a unit's meaning
  [
    'newline in display_name',
    inventoryText({ customer: { display_name: 'Acme\nExecStartPre=/bin/sh' } }),
    `${FILE}: customers/acme/display_name: ${CONTROL}`,
  ],
  [
    'control char in display_name',
    inventoryText({ customer: { display_name: 'Acme\u0007' } }),
    `${FILE}: customers/acme/display_name: ${CONTROL}`,
  ],
  [
    'trailing backslash in display_name',
    inventoryText({ customer: { display_name: 'Acme\\' } }),
    `${FILE}: customers/acme/display_name: must not end with a backslash (a line continuation in a unit)`,
  ],
  [
    '% in display_name',
    inventoryText({ customer: { display_name: '100% Acme' } }),
    `${FILE}: customers/acme/display_name: must not contain '%' (a systemd specifier)`,
  ],
  [
    'display_name over 200 chars',
    inventoryText({ customer: { display_name: 'A'.repeat(201) } }),
    `${FILE}: customers/acme/display_name: must be at most 200 characters`,
  ],
  [
    'newline in a var',
    inventoryText({ vars: { dbt_schedule: 'daily\nOnBootSec=1' } }),
    `${FILE}: defaults/vars/dbt_schedule: ${CONTROL}`,
  ],
  [
    'control char in an extra var',
    inventoryText({ host: { vars: { extra: { note: 'a\rb' } } } }),
    `${FILE}: customers/acme/hosts/acme-1/vars/extra/note: ${CONTROL}`,
  ],
  [
    'newline in an extra list item',
    inventoryText({ vars: { extra: { emails: ['a@x', 'b@x\n'] } } }),
    `${FILE}: defaults/vars/extra/emails/1: ${CONTROL}`,
  ],
  [
    'newline in a services item',
    inventoryText({ vars: { services: ['hub-platform', 'hub\ncloud'] } }),
    `${FILE}: defaults/vars/services/1: ${CONTROL}`,
  ],
  [
    'bad extra var name',
    inventoryText({ vars: { extra: { 'Bad-Name': 1 } } }),
    `${FILE}: defaults/vars/extra/Bad-Name: variable names must match ^[a-z_][a-z0-9_]*$`,
  ],
  [
    'nested mapping as an extra var',
    inventoryText({ vars: { extra: { deep: { a: 1 } } } }),
    `${FILE}: defaults/vars/extra/deep: must be a string, number, boolean or list of strings, got a mapping`,
  ],
  [
    'memory_max 900MB',
    inventoryText({ vars: { memory_max: '900MB' } }),
    `${FILE}: defaults/vars/memory_max: '900MB' ${MEMORY_HELP}`,
  ],
  [
    'memory_max -1',
    inventoryText({ customer: { vars: { memory_max: -1 } } }),
    `${FILE}: customers/acme/vars/memory_max: '-1' ${MEMORY_HELP}`,
  ],
  [
    'memory_max abc',
    inventoryText({ host: { vars: { memory_max: 'abc' } } }),
    `${FILE}: customers/acme/hosts/acme-1/vars/memory_max: 'abc' ${MEMORY_HELP}`,
  ],
  [
    'memory_max 1.5.0G',
    inventoryText({ vars: { memory_max: '1.5.0G' } }),
    `${FILE}: defaults/vars/memory_max: '1.5.0G' ${MEMORY_HELP}`,
  ],
  [
    'memory_max 101%',
    inventoryText({ vars: { memory_max: '101%' } }),
    `${FILE}: defaults/vars/memory_max: '101%' ${MEMORY_HELP}`,
  ],
  [
    'run_as Root!',
    inventoryText({ vars: { run_as: 'Root!' } }),
    `${FILE}: defaults/vars/run_as: 'Root!' is not a valid user name (^[a-z_][a-z0-9_-]{0,31}$)`,
  ],
  [
    'run_as 1abc',
    inventoryText({ vars: { run_as: '1abc' } }),
    `${FILE}: defaults/vars/run_as: '1abc' is not a valid user name (^[a-z_][a-z0-9_-]{0,31}$)`,
  ],
  [
    'run_as a b',
    inventoryText({ host: { vars: { run_as: 'a b' } } }),
    `${FILE}: customers/acme/hosts/acme-1/vars/run_as: 'a b' is not a valid user name (^[a-z_][a-z0-9_-]{0,31}$)`,
  ],
  [
    'install_dir with ..',
    inventoryText({ vars: { install_dir: '/opt/../etc' } }),
    `${FILE}: defaults/vars/install_dir: '/opt/../etc' ${PATH_HELP}`,
  ],
  [
    'relative data_dir',
    inventoryText({ vars: { data_dir: 'data/hf' } }),
    `${FILE}: defaults/vars/data_dir: 'data/hf' ${PATH_HELP}`,
  ],
  [
    'install_dir with a space',
    inventoryText({ vars: { install_dir: '/opt/honey frame' } }),
    `${FILE}: defaults/vars/install_dir: '/opt/honey frame' ${PATH_HELP}`,
  ],
  [
    'install_dir with $',
    inventoryText({ vars: { install_dir: '/opt/$HOME' } }),
    `${FILE}: defaults/vars/install_dir: '/opt/$HOME' ${PATH_HELP}`,
  ],
  [
    'install_dir with a trailing slash',
    inventoryText({ vars: { install_dir: '/opt/honeyframe/' } }),
    `${FILE}: defaults/vars/install_dir: '/opt/honeyframe/' ${PATH_HELP}`,
  ],
  [
    'service with .service',
    inventoryText({ vars: { services: ['hub-platform.service'] } }),
    `${FILE}: defaults/vars/services/0: 'hub-platform.service': write the name without '.service'`,
  ],
  [
    'unknown companion',
    inventoryText({ vars: { companions: ['dbt-run', 'cron'] } }),
    `${FILE}: defaults/vars/companions/1: unknown companion 'cron' (known: dbt-run, hub-scheduler)`,
  ],
  [
    'duplicate companion',
    inventoryText({ vars: { companions: ['dbt-run', 'dbt-run'] } }),
    `${FILE}: defaults/vars/companions/1: duplicate entry 'dbt-run'`,
  ],
  [
    'known_dropins not *.conf',
    inventoryText({ vars: { known_dropins: ['limits.txt'] } }),
    `${FILE}: defaults/vars/known_dropins/0: 'limits.txt' is not a drop-in file name (NAME.conf)`,
  ],
  // names and cross references
  [
    'upper-case customer id',
    JSON.stringify({ customers: { Acme: { hosts: {} } } }),
    `${FILE}: customers/Acme: 'Acme' must match ^[a-z0-9][a-z0-9_.-]*$ (lower case, digits, '_', '.', '-')`,
  ],
  [
    'host name with a slash',
    JSON.stringify({ customers: { acme: { hosts: { 'a/b': { address: 'x' } } } } }),
    `${FILE}: customers/acme/hosts/a/b: 'a/b' must match ^[a-z0-9][a-z0-9_.-]*$ (lower case, digits, '_', '.', '-')`,
  ],
  [
    'duplicate host names across customers',
    fixture('duplicate-hosts.yml'),
    `${FILE}: customers/globex/hosts/web-1: duplicate host name 'web-1' (also at customers/acme/hosts/web-1)`,
  ],
  [
    'group naming an unknown customer',
    inventoryText({ top: { groups: { canary: { customers: ['acme', 'acmee'] } } } }),
    `${FILE}: groups/canary/customers/1: unknown customer 'acmee'`,
  ],
  [
    'group without customers',
    inventoryText({ top: { groups: { canary: { vars: {} } } } }),
    `${FILE}: groups/canary/customers: is required`,
  ],
  // bombs
  [
    'billion laughs',
    fixture('billion-laughs.yml'),
    `${FILE}: more than 200000 values once aliases are expanded (an alias bomb?)`,
  ],
];

describe('bad inventories are refused with FILE: PATH: message', () => {
  it('has at least 25 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(BAD_INPUTS)('%s', (_what, text, expected) => {
    expect(messageOf(text)).toBe(expected);
  });
});
