// The parameters each task module accepts, as data: the loader validates against it.
import type { TaskModuleName } from './types.js';

/** One parameter of a module. */
export type ParamSpec = { required?: boolean; description: string } & (
  | { type: 'string' | 'boolean' | 'integer' | 'list' }
  | { type: 'enum'; values: string[] }
);

/** Parameter specs per module; strings may use `{{ var }}` placeholders. */
export const MODULE_PARAMS: Record<TaskModuleName, Record<string, ParamSpec>> = {
  unit: {
    name: { type: 'string', required: true, description: 'unit file name, e.g. hub-platform.service' },
    template: { type: 'string', required: true, description: 'template path, relative to the playbook' },
  },
  dropin: {
    unit: { type: 'string', required: true, description: 'the unit the drop-in overrides' },
    name: { type: 'string', required: true, description: 'drop-in file name, e.g. local.conf' },
    template: { type: 'string', description: 'template path, relative to the playbook' },
    content: { type: 'string', description: 'literal content (placeholders are filled)' },
    overrides: {
      type: 'boolean',
      description: "true: this host's overrides from its vars (no override: no file)",
    },
  },
  file: {
    dest: { type: 'string', required: true, description: 'absolute path on the host' },
    template: { type: 'string', description: 'template path, relative to the playbook' },
    content: { type: 'string', description: 'literal content (placeholders are filled)' },
  },
  user: {
    name: { type: 'string', required: true, description: 'system user (and group) to create' },
    shell: { type: 'string', description: 'login shell (default /usr/sbin/nologin)' },
  },
  ownership: {
    paths: { type: 'list', required: true, description: 'absolute paths, owned recursively' },
    owner: { type: 'string', required: true, description: 'owning user' },
    group: { type: 'string', description: 'owning group (default: the owner)' },
  },
  service: {
    name: { type: 'string', required: true, description: 'unit name' },
    state: { type: 'enum', values: ['started', 'stopped'], description: 'running or not' },
    enabled: { type: 'boolean', description: 'enabled at boot or not' },
  },
  health: {
    service: { type: 'string', required: true, description: 'unit that must be active' },
    port: {
      type: 'integer',
      description: 'HTTP port on localhost (default: the catalog port of the service)',
    },
    path: { type: 'string', description: 'HTTP path (default /api/health)' },
    timeout: { type: 'integer', description: 'seconds to wait (default: the health_timeout var)' },
    settle: {
      type: 'integer',
      description:
        'seconds it must hold still after it looked healthy, once started or restarted (default 5)',
    },
  },
  command: {
    argv: { type: 'list', required: true, description: 'command and arguments, run without a shell' },
    creates: { type: 'string', description: 'skip when this path exists' },
  },
};
