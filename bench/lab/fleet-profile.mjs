// The benchmark fleet: lab hosts with three configurations in turn, as an hfleet and an Ansible inventory.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump } from 'js-yaml';

/** The per-host settings, by position: plain root, the non-root conversion, a private /tmp. */
export const PROFILES = [{}, { run_as: 'honeyframe', memory_max: '900M' }, { private_tmp: true }];

// The vars host number i (0-based) is converged with.
export function profileOf(index) {
  return PROFILES[index % PROFILES.length];
}

// The hfleet inventory of these lab hosts: one host per customer, the lab's key and pinned host keys.
export function hfleetInventory(lab, hosts) {
  const customers = {};
  hosts.forEach((host, i) => {
    const vars = profileOf(i);
    customers[host.customer] = {
      display_name: host.displayName,
      hosts: { [host.name]: { address: host.address, ...(Object.keys(vars).length ? { vars } : {}) } },
    };
  });
  return {
    defaults: {
      ssh: {
        user: 'root',
        identity_file: lab.keyPath,
        known_hosts: lab.knownHostsPath,
        host_key_checking: 'strict',
      },
    },
    customers,
  };
}

/** Seconds a service has to become healthy: 50 hosts starting 4 Python services each on 2 cores is slow. */
export const HEALTH_TIMEOUT = 300;

/** hfleet's defaults of the variables the Ansible playbook reads. */
const ANSIBLE_DEFAULTS = {
  install_dir: '/opt/honeyframe',
  data_dir: '/data/honeyframe',
  memory_max: '1500M',
  run_as: 'root',
  private_tmp: false,
  services: ['hub-platform', 'hub-cloud'],
  companions: ['dbt-run', 'hub-scheduler'],
  dbt_schedule: '*-*-* 02:00:00',
  health_timeout: HEALTH_TIMEOUT,
};

// The same fleet as an Ansible YAML inventory (same user, key, addresses and variables).
export function ansibleInventory(lab, hosts) {
  const entries = {};
  hosts.forEach((host, i) => {
    entries[host.name] = { ansible_host: host.address, display_name: host.displayName, ...profileOf(i) };
  });
  return {
    all: {
      hosts: entries,
      vars: {
        ansible_user: 'root',
        ansible_ssh_private_key_file: lab.keyPath,
        ansible_python_interpreter: '/usr/bin/python3',
        ...ANSIBLE_DEFAULTS,
      },
    },
  };
}

// Write both inventories into DIR; returns their paths.
export function writeInventories(dir, lab, hosts) {
  const hfleet = path.join(dir, 'inventory.yml');
  const ansible = path.join(dir, 'ansible-inventory.yml');
  writeFileSync(hfleet, dump(hfleetInventory(lab, hosts)));
  writeFileSync(ansible, dump(ansibleInventory(lab, hosts)));
  return { hfleet, ansible };
}
