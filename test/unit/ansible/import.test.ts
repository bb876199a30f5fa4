import { describe, expect, it } from 'vitest';
import { parseCustomerRule } from '../../../src/ansible/customers.js';
import { importAnsible } from '../../../src/ansible/import.js';
import { parseInventory } from '../../../src/inventory/load.js';

// Expected addresses, ports and users are what `ansible-inventory --list` and Ansible's ssh connection give
// for the same text (the conformance suite in test/integration/ansible checks the corpus against it).
const options = (rule = 'host', user?: string) => ({
  rule: parseCustomerRule(rule),
  defaultUser: user ?? 'localuser',
  userGiven: user !== undefined,
});

function imported(text: string, file = 'hosts', rule = 'host', user?: string) {
  const result = importAnsible(text, file, options(rule, user));
  const inventory = parseInventory(result.yaml, 'out.yml', { home: '/home/t' });
  const byAnsibleName = new Map(result.hosts.map((host) => [host.ansibleName, host.name]));
  const host = (name: string) => inventory.hosts.find((item) => item.name === byAnsibleName.get(name));
  const login = (name: string) => {
    const found = host(name);
    return found && [found.address, found.ssh.port, found.ssh.user];
  };
  return { result, inventory, host, login };
}

describe('importAnsible: the format is found as Ansible finds it', () => {
  it('reads INI in a file named .yml (YAML fails first)', () => {
    const { login } = imported('[web]\nweb1 ansible_host=192.0.2.1\n', 'inventory.yml');
    expect(login('web1')).toEqual(['192.0.2.1', 22, 'localuser']);
  });

  it('reads YAML in a file with no extension starting with ---', () => {
    const { login } = imported('---\nall:\n  hosts:\n    web1:\n      ansible_port: 2222\n', 'hosts');
    expect(login('web1')).toEqual(['web1', 2222, 'localuser']);
  });

  it('names both failures when neither parser reads the file', () => {
    expect(() => importAnsible('all: [unclosed\n', 'inventory.yml', options())).toThrow(
      /as YAML: .*as INI: /,
    );
  });
});

describe('importAnsible: addresses, ports and users as Ansible connects', () => {
  it('keeps [all:vars] ansible_host for every host, each with its own port (the Vagrant pattern)', () => {
    const { login } = imported(
      '[nodes]\nn1 ansible_port=2201\nn2 ansible_port=2202\n[all:vars]\nansible_host=127.0.0.1\n',
    );
    expect([login('n1'), login('n2')]).toEqual([
      ['127.0.0.1', 2201, 'localuser'],
      ['127.0.0.1', 2202, 'localuser'],
    ]);
  });

  it('reads trailing comments on headers and host lines, and bracketed IPv6 with a port', () => {
    const { login, inventory } = imported(
      '[web] # front ends\nweb1 ansible_host=192.0.2.1 # primary\n[2001:db8::11]:2222\n',
    );
    expect(login('web1')).toEqual(['192.0.2.1', 22, 'localuser']);
    expect(login('2001:db8::11')).toEqual(['2001:db8::11', 2222, 'localuser']);
    expect(inventory.groups.map((group) => group.name)).toEqual(['web']);
  });

  it('splits host:port keys of a YAML inventory', () => {
    const { login } = imported('all:\n  hosts:\n    yamlwolf.example.com:5309:\n', 'inv.yml');
    expect(login('yamlwolf.example.com')).toEqual(['yamlwolf.example.com', 5309, 'localuser']);
  });

  it('lets ansible_ssh_host/port/user win over ansible_host/port/user, and ansible_port over host:port', () => {
    const { login, result } = imported(
      [
        'both ansible_host=10.0.0.1 ansible_ssh_host=10.0.0.2 ansible_port=22 ansible_ssh_port=2022 ansible_user=a ansible_ssh_user=b',
        'web2:2300 ansible_port=2400',
      ].join('\n'),
    );
    expect(login('both')).toEqual(['10.0.0.2', 2022, 'b']);
    expect(login('web2')).toEqual(['web2', 2400, 'localuser']);
    expect(result.notes).toContain(
      'both: ansible_host not used: ansible_ssh_host wins over it, as in Ansible',
    );
  });

  it('applies group vars by depth, then ansible_group_priority, then name; host vars last', () => {
    const { login } = imported(
      [
        '[a]\nh1\nh2 ansible_user=own',
        '[b]\nh1\nh2',
        '[a:vars]\nansible_user=from_a\nansible_group_priority=10',
        '[b:vars]\nansible_user=from_b',
        '[parent:children]\nb',
        '[parent:vars]\nansible_port=2200',
      ].join('\n'),
    );
    // b is deeper than a (under parent), so b wins although a has the higher priority.
    expect(login('h1')).toEqual(['h1', 2200, 'from_b']);
    expect(login('h2')).toEqual(['h2', 2200, 'own']);
    const yaml = imported(
      'all:\n  children:\n    a:\n      vars: { ansible_group_priority: 20, ansible_user: from_a }\n      hosts: { h1: }\n    b:\n      vars: { ansible_user: from_b }\n      hosts: { h1: }\n',
      'inv.yml',
    );
    expect(yaml.login('h1')).toEqual(['h1', 22, 'from_a']);
    const same = imported(
      '[a]\nh1\n[b]\nh1\n[a:vars]\nansible_user=from_a\nansible_group_priority=10\n[b:vars]\nansible_user=from_b\n',
    );
    expect(same.login('h1')).toEqual(['h1', 22, 'from_a']);
  });

  it('writes the login user: --user where given, else the local user with a note', () => {
    const noted = imported('web1\nweb2 ansible_user=deploy\n');
    expect(noted.login('web1')?.[2]).toBe('localuser');
    expect(
      noted.result.notes.some((note) =>
        note.startsWith('web1: sets no user: Ansible logs in as the local user'),
      ),
    ).toBe(true);
    const chosen = imported('web1\n', 'hosts', 'host', 'admin');
    expect(chosen.login('web1')?.[2]).toBe('admin');
    expect(chosen.result.notes.join('\n')).not.toMatch(/sets no user/);
  });
});

describe('importAnsible: hosts hfleet refuses, by name and reason', () => {
  it('refuses localhost ansible_connection=local and Jinja addresses, imports the rest', () => {
    const { result } = imported(
      "localhost ansible_connection=local\njinja ansible_host=\"{{ lookup('env', 'IP') }}\"\nweb1\n",
    );
    expect(result.refused).toEqual([
      { host: 'localhost', reason: expect.stringMatching(/^ansible_connection=local: /) },
      { host: 'jinja', reason: expect.stringMatching(/^ansible_host is a Jinja template/) },
    ]);
    expect(result.hosts.map((host) => host.ansibleName)).toEqual(['web1']);
  });
});

describe('importAnsible: values keep their types; nothing dropped without a note', () => {
  it('reads YAML 1.1 booleans as Ansible does and INI values as Python literals', () => {
    const yaml = imported('all:\n  hosts:\n    h1:\n      dhcp4: no\n      mode: 0755\n', 'inv.yml');
    expect(yaml.host('h1')?.vars.extra).toEqual({ dhcp4: false, mode: 493 });
    const ini = imported(`h1 dhcp4=no count=3 flag=True quoted='7' text="'7'"\n`);
    expect(ini.host('h1')?.vars.extra).toEqual({ dhcp4: 'no', count: 3, flag: true, quoted: 7, text: '7' });
  });

  it('notes renamed hosts and groups, and variables with no hfleet place', () => {
    const { result } = imported(
      '[Web_Servers]\nWEB1 ansible_python_interpreter=/usr/bin/python3 nested="{\'a\': 1}"\n',
    );
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "WEB1: renamed to 'web1' (hfleet names are [a-z0-9_.-])",
        "group Web_Servers: renamed to 'web_servers' (hfleet names are [a-z0-9_.-])",
        'WEB1: ansible_python_interpreter: not needed (hfleet runs no Python on hosts); not mapped',
        expect.stringMatching(/^WEB1: nested: not mapped: /),
      ]),
    );
  });
});

describe('importAnsible: customers a person would keep', () => {
  const INVENTORY = [
    '[acme]\nacme-web1\nacme-db1',
    '[globex]\nglobex-web1',
    '[customers:children]\nacme\nglobex',
    '[web]\nacme-web1\nglobex-web1',
    '[bastion]\njump1 customer=ops',
  ].join('\n');

  it.each([
    ['group:customers', { acme: 2, globex: 1, jump1: 1 }],
    ['host-pattern:^([a-z]+)-', { acme: 2, globex: 1, jump1: 1 }],
    ['var:customer', { 'acme-web1': 1, 'acme-db1': 1, 'globex-web1': 1, ops: 1 }],
    ['host', { 'acme-web1': 1, 'acme-db1': 1, 'globex-web1': 1, jump1: 1 }],
  ])('--customer-from %s', (rule, expected) => {
    const { inventory } = imported(INVENTORY, 'hosts', rule);
    expect(
      Object.fromEntries(inventory.customers.map((customer) => [customer.id, customer.hosts.length])),
    ).toEqual(expected);
  });

  it('--customer-from group-prefix:customer_ takes the name after the prefix', () => {
    const { inventory } = imported(
      '[customer_acme]\na1\na2\n[customer_globex]\ng1\n[web]\na1\ng1\n',
      'hosts',
      'group-prefix:customer_',
    );
    expect(
      inventory.customers.map((customer) => [customer.id, customer.hosts.map((host) => host.name)]),
    ).toEqual([
      ['acme', ['a1', 'a2']],
      ['globex', ['g1']],
    ]);
    expect(inventory.groups.map((group) => group.name)).toEqual(['web']);
  });

  it('sums up the mapping, says which hosts stayed alone, and notes a group that widens', () => {
    const { result, inventory } = imported(INVENTORY, 'hosts', 'group:customers');
    expect(result.summary[0]).toMatch(
      /^customers from the group each host is in under 'customers': 4 host\(s\) in 3 customer\(s\)/,
    );
    expect(result.summary[1]).toMatch(
      /^1 host\(s\) a customer of their own \(in no group under 'customers'\): jump1/,
    );
    expect(inventory.groups.map((group) => [group.name, group.customers])).toEqual([
      ['web', ['acme', 'globex']],
      ['bastion', ['jump1']],
    ]);
    expect(result.notes).toContain(
      'group web: widened: hfleet groups hold whole customers, which bring 1 host(s) not in it (acme-db1)',
    );
  });

  it('suggests a parent group when every host is its own customer', () => {
    const { result } = imported(INVENTORY);
    expect(result.summary).toContain(
      'hint: --customer-from group:customers would make 2 customer(s) covering 3 of 4 host(s)',
    );
  });

  it('groups a 10,000-host range into the customers a pattern names', () => {
    const { inventory } = imported(
      '[fleet]\ncust[0:9]-node[0000:0999]\n',
      'hosts',
      'host-pattern:^(cust[0-9])-',
    );
    expect(inventory.hosts).toHaveLength(10_000);
    expect(inventory.customers).toHaveLength(10);
  });
});
