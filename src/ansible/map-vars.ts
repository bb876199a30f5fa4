// One Ansible variable into an hfleet setting: connection vars to SSH fields, hfleet vars to vars, the rest to extra.
import { HfleetError } from '../errors.js';
import type { ValidationContext } from '../inventory/validate/context.js';
import { SSH_FIELDS } from '../inventory/validate/ssh-fields.js';
import { VAR_FIELDS, VAR_KEYS } from '../inventory/validate/var-fields.js';
import type { AnsibleVars } from './model.js';

/** Ansible connection variables and the hfleet host SSH field each becomes (`address` is the host's). */
export const CONNECTION_VARS: Record<string, string> = {
  ansible_host: 'address',
  ansible_ssh_host: 'address',
  ansible_port: 'port',
  ansible_ssh_port: 'port',
  ansible_user: 'user',
  ansible_ssh_user: 'user',
  ansible_ssh_private_key_file: 'identity_file',
  ansible_become: 'become',
};

/** Variables that choose the hfleet customer of a host. */
export const CUSTOMER_VAR = 'hfleet_customer';
export const DISPLAY_NAME_VAR = 'hfleet_display_name';

/** A host's variables sorted into hfleet places, with a note for each one left out. */
export interface MappedVars {
  ssh: Record<string, unknown>;
  vars: Record<string, unknown>;
  extra: Record<string, unknown>;
  notes: string[];
}

const CTX: ValidationContext = { file: 'ansible', home: '/nonexistent-home', baseDir: '/' };

// INI values are strings: read them as the field's type when they clearly are one.
function typed(type: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'integer' && /^[0-9]+$/.test(value)) return Number(value);
  if (type === 'boolean' && /^(true|yes|on|1)$/i.test(value)) return true;
  if (type === 'boolean' && /^(false|no|off|0)$/i.test(value)) return false;
  return value;
}

// The hfleet validator's verdict on a value: undefined when accepted, else its message.
function refusal(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof HfleetError) return error.message.replace(/^ansible: [^:]*: /, '');
    throw error;
  }
}

// Sort `vars` (a host's effective Ansible variables) into SSH fields, hfleet vars and extra.
export function mapVars(vars: AnsibleVars, where: string): MappedVars {
  const mapped: MappedVars = { ssh: {}, vars: {}, extra: {}, notes: [] };
  for (const [name, raw] of Object.entries(vars)) {
    if (name === CUSTOMER_VAR || name === DISPLAY_NAME_VAR || CONNECTION_VARS[name] === 'address') continue;
    const sshKey = CONNECTION_VARS[name];
    const field = sshKey ? SSH_FIELDS[sshKey] : VAR_FIELDS[name as keyof typeof VAR_FIELDS];
    if (field && name !== 'extra') {
      const value = typed(field.type, raw);
      const why = refusal(() => field.parse(CTX, value, [name]));
      if (why) mapped.notes.push(`${where}: ${name}: not mapped: ${why}`);
      else if (sshKey) mapped.ssh[sshKey] = value;
      else mapped.vars[name] = value;
    } else if (name.startsWith('ansible_') || VAR_KEYS.includes(name as never)) {
      mapped.notes.push(`${where}: ${name}: no hfleet equivalent; not mapped`);
    } else {
      const why = refusal(() => VAR_FIELDS.extra.parse(CTX, new Map([[name, raw]]), ['extra']));
      if (why) mapped.notes.push(`${where}: ${name}: not mapped: ${why}`);
      else mapped.extra[name] = raw;
    }
  }
  return mapped;
}
