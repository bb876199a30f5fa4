import { describe, expect, it } from 'vitest';
import { importAnsible, looksLikeYaml } from '../../../src/ansible/import.js';
import { parseInventory } from '../../../src/inventory/load.js';

const INI = `
[web]
web1.example ansible_host=10.0.0.1 ansible_port=2222 ansible_user=deploy hfleet_customer=acme
web2.example ansible_host=10.0.0.2 hfleet_customer=acme hfleet_display_name="Acme Corp"
Globex_DB ansible_host=10.0.0.3 ansible_connection=local tier=gold

[web:vars]
memory_max=900M
private_tmp=yes
ansible_python_interpreter=/usr/bin/python3

[prod:children]
web

[all:vars]
ansible_user=admin
run_as=Not Valid
`;

const YAML = `
all:
  vars:
    ansible_become: true
  children:
    canary:
      hosts:
        edge[1:2]:
          ansible_port: 2200
      vars:
        services: [hub-platform]
        health_timeout: 90
`;

describe('importAnsible', () => {
  it('turns an INI inventory into one that loads, with the mapping documented in docs/import-ansible.md', () => {
    const result = importAnsible(INI, 'hosts');
    const inventory = parseInventory(result.yaml, 'out.yml', { home: '/home/t' });
    expect(inventory.customers.map((c) => [c.id, c.displayName, c.hosts.map((h) => h.name)])).toEqual([
      ['acme', 'Acme Corp', ['web1.example', 'web2.example']],
      ['globex_db', 'globex_db', ['globex_db']],
    ]);
    const web1 = inventory.hosts[0];
    expect(web1?.address).toBe('10.0.0.1');
    expect(web1?.ssh.port).toBe(2222);
    expect(web1?.ssh.user).toBe('deploy'); // host beats all:vars
    expect(inventory.hosts[1]?.ssh.user).toBe('admin'); // all:vars become defaults
    expect(web1?.vars.memory_max).toBe('900M');
    expect(web1?.vars.private_tmp).toBe(true);
    expect(inventory.hosts[2]?.vars.extra).toEqual({ tier: 'gold' });
    expect(inventory.groups.map((g) => [g.name, g.customers])).toEqual([
      ['web', ['acme', 'globex_db']],
      ['prod', ['acme', 'globex_db']],
    ]);
    expect(result).toMatchObject({ hosts: 3, customers: 2 });
  });

  it('reports what it could not map', () => {
    const { notes } = importAnsible(INI, 'hosts');
    expect(notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^all: run_as: not mapped: 'Not Valid' is not a valid user name/),
        "Globex_DB: renamed to 'globex_db' (hfleet names are lower case [a-z0-9_.-])",
        'Globex_DB: ansible_connection: no hfleet equivalent; not mapped',
        'web1.example: ansible_python_interpreter: no hfleet equivalent; not mapped',
      ]),
    );
  });

  it('turns a YAML inventory into one that loads, group vars applied to the group hosts', () => {
    const result = importAnsible(YAML, 'inventory.yml', '../schema/inventory.schema.json');
    expect(result.yaml.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/inventory.schema.json',
    );
    const inventory = parseInventory(result.yaml, 'out.yml', { home: '/home/t' });
    expect(
      inventory.hosts.map((h) => [h.name, h.address, h.ssh.port, h.ssh.become, h.vars.services]),
    ).toEqual([
      ['edge1', 'edge1', 2200, true, ['hub-platform']],
      ['edge2', 'edge2', 2200, true, ['hub-platform']],
    ]);
    expect(inventory.hosts[0]?.vars.health_timeout).toBe(90);
    expect(result.notes).toEqual([]);
  });

  it('tells the formats apart', () => {
    expect(looksLikeYaml(YAML, 'inventory')).toBe(true);
    expect(looksLikeYaml(INI, 'inventory')).toBe(false);
    expect(looksLikeYaml('host1\nhost2\n', 'inventory')).toBe(false);
  });
});
