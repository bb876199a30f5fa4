import { describe, expect, it } from 'vitest';
import { groupTree } from '../../../src/ansible/host-vars.js';
import { parseAnsibleIni } from '../../../src/ansible/parse-ini.js';
import { parseAnsibleYaml } from '../../../src/ansible/parse-yaml.js';

describe('parseAnsibleIni', () => {
  it('reads hosts with vars, host:port, ranges, :vars and :children sections', () => {
    const inventory = parseAnsibleIni(
      [
        '# comment',
        'lonely.example',
        '[web]',
        'web[1:2] ansible_user=deploy',
        'api.example:2222 note="two words"',
        '[web:vars]',
        'memory_max=900M',
        '[prod:children]',
        'web',
      ].join('\n'),
      'hosts.ini',
    );
    expect([...inventory.hosts.keys()]).toEqual(['lonely.example', 'web1', 'web2', 'api.example']);
    expect(inventory.hosts.get('api.example')).toEqual({ note: 'two words', ansible_port: 2222 });
    expect(inventory.groups.get('ungrouped')?.hosts).toEqual(['lonely.example']);
    expect(inventory.groups.get('web')?.vars).toEqual({ memory_max: '900M' });
    expect(inventory.groups.get('prod')?.children).toEqual(['web']);
  });

  it('keeps a byte order mark in the first line, as Ansible does: a header there is no header', () => {
    expect(() => parseAnsibleIni('\ufeff[web]\nweb1\n', 'hosts.ini')).toThrow(/hosts\.ini:1:/);
    const inventory = parseAnsibleIni('\ufeffbastion ansible_host=192.0.2.1\n[web]\nweb1\n', 'hosts.ini');
    expect([...inventory.hosts.keys()]).toEqual(['\ufeffbastion', 'web1']);
  });

  it('names the line of a malformed entry', () => {
    expect(() => parseAnsibleIni('[web]\nhost1 novalue\n', 'hosts.ini')).toThrow(
      'hosts.ini:2: expected key=value',
    );
  });
});

describe('parseAnsibleYaml', () => {
  it('reads all, nested children, host vars and group vars', () => {
    const inventory = parseAnsibleYaml(
      `all:
  vars: { ansible_user: admin }
  hosts:
    solo: { ansible_host: 10.0.0.9 }
  children:
    prod:
      children:
        web:
          hosts:
            web[01:02]:
          vars: { memory_max: 1G }
`,
      'inv.yml',
    );
    expect([...inventory.hosts.keys()]).toEqual(['solo', 'web01', 'web02']);
    expect(inventory.groups.get('all')?.vars).toEqual({ ansible_user: 'admin' });
    expect(inventory.groups.get('prod')?.children).toEqual(['web']);
    expect(inventory.groups.get('web')?.hosts).toEqual(['web01', 'web02']);
  });

  it('skips unknown group keys as Ansible does, with a note naming the path', () => {
    expect(parseAnsibleYaml('all:\n  hostz: {}\n', 'inv.yml').notes).toEqual([
      'inv.yml: all/hostz: not hosts, vars or children; Ansible skips it',
    ]);
  });
});

describe('groupTree', () => {
  it('refuses a loop through all, as Ansible does ([web:children] all)', () => {
    const inventory = parseAnsibleIni('[all]\na1\n[web:children]\nall\n', 'hosts');
    expect(() => groupTree(inventory)).toThrow(/recursive dependency loop/);
  });
});
