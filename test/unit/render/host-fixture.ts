// Builds Host objects with the inventory defaults for render and lint tests.
import type { Host, HostVars } from '../../../src/inventory/types.js';

// The vars of a host whose inventory sets none (the inventory's defaults).
export const DEFAULT_HOST_VARS: HostVars = {
  install_dir: '/opt/honeyframe',
  data_dir: '/data/honeyframe',
  memory_max: '1500M',
  run_as: 'root',
  private_tmp: false,
  services: ['hub-platform', 'hub-cloud'],
  companions: ['dbt-run', 'hub-scheduler'],
  known_dropins: ['er-limits.conf'],
  health_timeout: 60,
  dbt_schedule: '*-*-* 02:00:00',
  extra: {},
};

// A host of customer `acme` (display name `Acme Corp`) with default vars, overridden by `vars`.
export function hostFixture(vars: Partial<HostVars> = {}, overrides: Partial<Host> = {}): Host {
  return {
    name: 'acme-1',
    customer: 'acme',
    displayName: 'Acme Corp',
    address: '10.213.1.1',
    groups: [],
    ssh: {
      user: 'root',
      port: 22,
      identityFile: undefined,
      knownHosts: '/root/.ssh/known_hosts',
      hostKeyChecking: 'strict',
      jump: undefined,
      become: false,
      connectTimeout: 10,
    },
    vars: { ...structuredClone(DEFAULT_HOST_VARS), ...vars },
    ...overrides,
  };
}
