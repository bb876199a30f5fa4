// Hostile playbooks and templates: bombs, huge files, unknown keys, traversal, injection through placeholders.
import type { HostileCase } from './hostile-fixture.js';
import { aliasBomb } from './inventory-cases.js';

// A playbook whose task N's argv is a list of 7 aliases to task N-1's argv: 7^levels strings once expanded.
function argvBomb(levels: number, width: number): string {
  const lines = [
    'name: x',
    'tasks:',
    `  - { name: t0, command: { argv: &l0 [${Array(width).fill('lol').join(', ')}] } }`,
  ];
  for (let level = 1; level < levels; level++) {
    const items = Array(width)
      .fill(`*l${level - 1}`)
      .join(', ');
    lines.push(`  - { name: t${level}, command: { argv: &l${level} [${items}] } }`);
  }
  return `${lines.join('\n')}\n`;
}

const unitTask = (template: string) => ({ name: 'unit', unit: { name: 'hub-platform.service', template } });
const withNote = (note: string) => ({
  inventory: (doc: Record<string, { vars: { extra: Record<string, unknown> } }>) => {
    doc['defaults']!.vars.extra['note'] = note;
  },
});

// Each refused with exit 1 before any connection; `path` is what the message must name.
export const PLAYBOOK_CASES: HostileCase[] = [
  {
    name: 'alias bomb: 7 levels of 7 in argv (823k strings)',
    playbookText: argvBomb(7, 7),
    file: 'playbook',
    path: 'tasks/1/command/argv',
  },
  {
    name: 'alias bomb: 9 levels of 9 (too many aliases)',
    playbookText: `name: x\n${aliasBomb(9, 9, 'tasks')}`,
    file: 'playbook',
    path: 'aliases',
  },
  {
    name: 'enormous playbook (2 MiB)',
    playbookText: `name: x\ntasks: []\n${'# pad pad pad pad pad pad\n'.repeat(80_000)}`,
    file: 'playbook',
    path: '(file)',
  },
  {
    name: 'unknown top-level key',
    playbookText: 'name: x\ntasks: []\nhosts: all\n',
    file: 'playbook',
    path: 'hosts',
  },
  {
    name: 'unknown module',
    tasks: [{ name: 'x', shell: 'reboot' }],
    file: 'playbook',
    path: 'tasks/0/shell',
  },
  {
    name: 'unknown module parameter',
    tasks: [{ name: 'x', file: { dest: '/etc/x', content: 'x', mode: '4755' } }],
    file: 'playbook',
    path: 'tasks/0/file/mode',
  },
  {
    name: 'wrong type: enabled as a string',
    tasks: [{ name: 'x', service: { name: 'a.service', enabled: 'yes' } }],
    file: 'playbook',
    path: 'tasks/0/service/enabled',
  },
  {
    name: 'wrong type: argv as a string',
    tasks: [{ name: 'x', command: { argv: 'rm -rf /' } }],
    file: 'playbook',
    path: 'tasks/0/command/argv',
  },
  {
    name: 'file dest relative with ../',
    tasks: [{ name: 'x', file: { dest: '../etc/passwd', content: 'x' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'file dest escaping with /../',
    tasks: [{ name: 'x', file: { dest: '/etc/systemd/system/../../passwd', content: 'x' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'file dest traversal through a var',
    ...withNote('..'),
    tasks: [{ name: 'x', file: { dest: '/etc/{{ note }}/shadow', content: 'x' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'file dest with command substitution from a var',
    ...withNote('$(reboot)'),
    tasks: [{ name: 'x', file: { dest: '/etc/{{ note }}', content: 'x' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'unit name with traversal',
    tasks: [
      { name: 'x', unit: { name: '../../../etc/cron.d/x.service', template: 'templates/plain.service' } },
    ],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'unit name with a semicolon',
    tasks: [{ name: 'x', service: { name: 'a.service;reboot', state: 'started' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'unit name looking like an option',
    tasks: [{ name: 'x', service: { name: '--root=/.service', state: 'started' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'drop-in name with traversal',
    tasks: [
      { name: 'x', dropin: { unit: 'a.service', name: '../../x.conf', template: 'templates/plain.service' } },
    ],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'user name with a command',
    tasks: [{ name: 'x', user: { name: 'hf$(id)' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'user shell relative',
    tasks: [{ name: 'x', user: { name: 'hf', shell: 'sh; reboot' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'ownership path with traversal',
    tasks: [{ name: 'x', ownership: { paths: ['/opt/../'], owner: 'hf' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'health port out of range',
    tasks: [{ name: 'x', health: { service: 'a.service', port: 70000 } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'health path with a newline',
    tasks: [{ name: 'x', health: { service: 'a.service', port: 80, path: '/x\nHost: evil' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'command creates with traversal',
    tasks: [{ name: 'x', command: { argv: ['true'], creates: '../x' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'when that calls code',
    tasks: [{ name: 'x', when: "require('fs')", file: { dest: '/etc/x', content: 'x' } }],
    file: 'playbook',
    path: 'tasks/0/when',
  },
  {
    name: 'loop over a var that is not a list',
    tasks: [{ name: 'x', loop: 'display_name', service: { name: '{{ item }}.service' } }],
    file: 'playbook',
    path: 'tasks/0',
  },
  {
    name: 'template path traversal',
    tasks: [unitTask('../../../etc/passwd')],
    file: 'playbook',
    path: 'tasks/0',
  },
  { name: 'template absolute path', tasks: [unitTask('/etc/shadow')], file: 'playbook', path: 'tasks/0' },
  {
    name: 'template: undefined variable',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ secret_key }}\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: prototype walk',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ display_name.constructor }}\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: __proto__',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ __proto__ }}\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: expression',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': "[Unit]\nDescription={{ process.env['HOME'] }}\n" },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: filter',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ display_name | shell }}\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: nested tags',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ {{ host }} }}\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: unclosed tag',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ host\n' },
    file: 'template',
    path: 'line 2',
  },
  {
    name: 'template: a list variable',
    tasks: [unitTask('templates/t.service')],
    templates: { 'templates/t.service': '[Unit]\nDescription={{ services }}\n' },
    file: 'template',
    path: 'line 2',
  },
];
