import { describe, expect, it } from 'vitest';
import { parseInventory } from '../../../src/inventory/load.js';
import { labHostSpecs } from '../../../src/lab/customers.js';
import { labInventoryYaml } from '../../../src/lab/inventory-file.js';

const credentials = {
  keyPath: '/var/lib/hfleet/lab/id_ed25519',
  knownHostsPath: '/var/lib/hfleet/lab/known_hosts',
};

describe('the lab inventory', () => {
  it('is a valid hfleet inventory: root with the lab key, strict pinned host keys, one customer per host', () => {
    const text = labInventoryYaml(labHostSpecs(3), credentials);
    const inventory = parseInventory(text, '/var/lib/hfleet/lab/inventory.yml', { home: '/root' });
    expect(inventory.customers.map((c) => [c.id, c.displayName])).toEqual([
      ['acme', 'Acme Corp'],
      ['globex', 'Globex Corporation'],
      ['initech', 'Initech'],
    ]);
    const host = inventory.hosts[1]!;
    expect(host).toMatchObject({ name: 'globex-1', customer: 'globex', address: '10.213.1.2' });
    expect(host.ssh).toMatchObject({
      user: 'root',
      port: 22,
      identityFile: credentials.keyPath,
      knownHosts: credentials.knownHostsPath,
      hostKeyChecking: 'strict',
    });
  });

  it('puts each host in the group of its release, so `--limit bullseye` picks those hosts', () => {
    const text = labInventoryYaml(labHostSpecs(4, ['bullseye', 'bookworm', 'trixie']), credentials);
    const inventory = parseInventory(text, '/var/lib/hfleet/lab/inventory.yml', { home: '/root' });
    expect(inventory.groups.map((group) => [group.name, group.customers])).toEqual([
      ['bullseye', ['acme', 'umbrella']],
      ['bookworm', ['globex']],
      ['trixie', ['initech']],
    ]);
  });

  it('stays valid for a lab past the named customers', () => {
    const inventory = parseInventory(labInventoryYaml(labHostSpecs(12), credentials), '/x/inventory.yml', {
      home: '/root',
    });
    expect(inventory.hosts.map((h) => h.name).slice(10)).toEqual(['customer-11-1', 'customer-12-1']);
  });
});
