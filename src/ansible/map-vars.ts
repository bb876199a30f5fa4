// A host's Ansible variables sorted into hfleet places: SSH settings, hfleet variables, `extra`; every
// variable left out gets a note naming it (never its value: it may be a secret).
import { HfleetError } from '../errors.js';
import type { ValidationContext } from '../inventory/validate/context.js';
import { EXTRA_NAME } from '../inventory/validate/extra-vars.js';
import { SSH_FIELDS } from '../inventory/validate/ssh-fields.js';
import { VAR_FIELDS, VAR_KEYS } from '../inventory/validate/var-fields.js';
import { CONNECTION_SOURCES, firstNonNull } from './connection.js';
import type { AnsibleVars } from './model.js';
import type { NoteBook } from './notes.js';

/** A host's variables in hfleet places. */
export interface MappedVars {
  ssh: Record<string, unknown>;
  vars: Record<string, unknown>;
  extra: Record<string, unknown>;
}

/** The Ansible variable that names a host's customer (read by the grouping step of the import). */
export const CUSTOMER_VAR = 'hfleet_customer';
/** The Ansible variable that gives a customer's display name (read by the grouping step of the import). */
export const DISPLAY_NAME_VAR = 'hfleet_display_name';

const CTX: ValidationContext = { file: 'ansible', home: '/nonexistent-home', baseDir: '/' };
const IDENTITY_SOURCES = ['ansible_ssh_private_key_file', 'ansible_private_key_file'];
const CONSUMED = new Set<string>([
  ...CONNECTION_SOURCES.address,
  ...CONNECTION_SOURCES.port,
  ...CONNECTION_SOURCES.user,
  ...IDENTITY_SOURCES,
  'ansible_connection',
  'ansible_become',
  CUSTOMER_VAR,
  DISPLAY_NAME_VAR,
]);
// An SSH field's spec (the table is keyed by string, so its entries are looked up checked).
function sshField(key: string) {
  const field = SSH_FIELDS[key];
  if (!field) throw new Error(`no SSH field ${key}`);
  return field;
}

const SECRET = /pass|secret|token|vault/i;
const TRUE_WORDS = /^(?:y|yes|on|1|true|t)$/i;
const FALSE_WORDS = /^(?:n|no|off|0|false|f)$/i;

// The hfleet validator's verdict: undefined when it accepts the value, else its reason.
function refusal(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof HfleetError) return error.message.replace(/^ansible: [^:]*: /, '');
    throw error;
  }
}

// A value Ansible would read as a boolean or integer, read so for a typed hfleet field.
function typed(type: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (type === 'integer' && /^[0-9]+$/.test(value)) return Number(value);
  if (type === 'boolean' && TRUE_WORDS.test(value)) return true;
  if (type === 'boolean' && FALSE_WORDS.test(value)) return false;
  return value;
}

const isTemplate = (value: unknown) => typeof value === 'string' && /\{\{|\{%/.test(value);

// The losing spellings of connection settings (Ansible ignores them too), noted where they differ.
function noteShadowed(vars: AnsibleVars, host: string, notes: NoteBook): void {
  for (const names of [...Object.values(CONNECTION_SOURCES), IDENTITY_SOURCES]) {
    const [winner, loser] = names;
    if (
      winner &&
      loser &&
      Object.hasOwn(vars, winner) &&
      Object.hasOwn(vars, loser) &&
      vars[winner] !== vars[loser] &&
      vars[winner] !== null
    ) {
      notes.add(host, `${loser} not used: ${winner} wins over it, as in Ansible`);
    }
  }
}

// One typed field (SSH or hfleet variable) checked by hfleet's own validator.
function mapField(
  name: string,
  target: string,
  field: { type: string; parse: (ctx: ValidationContext, value: unknown, path: string[]) => unknown },
  raw: unknown,
  host: string,
  notes: NoteBook,
): unknown {
  if (isTemplate(raw)) {
    notes.add(host, `${name}: a Jinja template; not mapped (hfleet does not render templates)`);
    return undefined;
  }
  const value = typed(field.type, raw);
  const why = refusal(() => field.parse(CTX, value, [target]));
  if (why) {
    notes.add(host, `${name}: not mapped: ${why}`);
    return undefined;
  }
  if (value !== raw) notes.add(host, `${name}: ${JSON.stringify(raw)} read as ${JSON.stringify(value)}`);
  return value;
}

// Why an `ansible_*` variable hfleet does not use is left out.
function ansibleOnlyReason(name: string, value: unknown): string | undefined {
  if (name === 'ansible_become_method' && value === 'sudo') return undefined;
  if (name === 'ansible_become_user' && value === 'root') return undefined;
  if (name === 'ansible_python_interpreter') return 'not needed (hfleet runs no Python on hosts); not mapped';
  if (name === 'ansible_become_method' || name === 'ansible_become_user') {
    return 'not mapped: hfleet becomes root with sudo -n';
  }
  if (SECRET.test(name)) return 'a secret; not carried over (hfleet logs in with keys or the SSH agent)';
  return 'no hfleet equivalent; not mapped';
}

/** Sort a host's effective vars into hfleet places; notes name the host and the variable. */
export function mapVars(vars: AnsibleVars, host: string, notes: NoteBook): MappedVars {
  const mapped: MappedVars = { ssh: {}, vars: {}, extra: {} };
  noteShadowed(vars, host, notes);
  const identity = firstNonNull(vars, IDENTITY_SOURCES);
  if (identity) {
    const value = mapField(identity[0], 'identity_file', sshField('identity_file'), identity[1], host, notes);
    if (value !== undefined) mapped.ssh['identity_file'] = value;
  }
  if (Object.hasOwn(vars, 'ansible_become')) {
    const value = mapField(
      'ansible_become',
      'become',
      sshField('become'),
      vars['ansible_become'],
      host,
      notes,
    );
    if (value !== undefined) mapped.ssh['become'] = value;
  }
  for (const [name, raw] of Object.entries(vars)) {
    if (CONSUMED.has(name)) continue;
    if (name.startsWith('ansible_')) {
      const why = ansibleOnlyReason(name, raw);
      if (why) notes.add(host, `${name}: ${why}`);
    } else if ((VAR_KEYS as string[]).includes(name) && name !== 'extra') {
      const value = mapField(name, name, VAR_FIELDS[name as keyof typeof VAR_FIELDS], raw, host, notes);
      if (value !== undefined) mapped.vars[name] = value;
    } else if (typeof raw === 'object' && raw !== null && '__ansible_vault' in raw) {
      notes.add(host, `${name}: encrypted with Ansible Vault; not carried over`);
    } else if (!EXTRA_NAME.test(name)) {
      notes.add(host, `${name}: not mapped: extra variable names must match ${EXTRA_NAME.source}`);
    } else {
      const why = refusal(() => VAR_FIELDS.extra.parse(CTX, new Map([[name, raw]]), ['extra']));
      if (why) notes.add(host, `${name}: not mapped: ${why.replace(/^extra\/[^:]*: /, '')}`);
      else {
        if (isTemplate(raw)) notes.add(host, `${name}: a Jinja template, kept as text in extra`);
        mapped.extra[name] = raw;
      }
    }
  }
  return mapped;
}
