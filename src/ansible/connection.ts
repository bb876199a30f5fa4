// Where Ansible would connect for a host: the address, port and user its ssh connection takes from the
// host's vars (`ansible_ssh_*` beat `ansible_*`, as Ansible's ssh plugin reads them), or why hfleet cannot.
import { PATTERNS } from '../inventory/validate/checks.js';
import type { AnsibleVars } from './model.js';

/** The login as Ansible would make it; `user` undefined means Ansible's default (the local user). */
export interface Connection {
  address: string;
  port: number | undefined;
  user: string | undefined;
  /** What an empty setting became, as Ansible treats it (for a note). */
  defaulted: string[];
}

/** The variables each field is read from, the winning one first. */
export const CONNECTION_SOURCES = {
  address: ['ansible_ssh_host', 'ansible_host'],
  port: ['ansible_ssh_port', 'ansible_port'],
  user: ['ansible_ssh_user', 'ansible_user'],
} as const;

/** `ansible_connection` values that mean SSH. */
const SSH_CONNECTIONS = new Set([
  'ssh',
  'smart',
  'paramiko',
  'paramiko_ssh',
  'ansible.builtin.ssh',
  'ansible.builtin.paramiko_ssh',
  'ansible.legacy.ssh',
]);

const TEMPLATE = /\{\{|\{%/;

/** A host's connection, or the reason it cannot be one. */
export type ConnectionVerdict = { connection: Connection } | { refusal: string };

/** The first of `names` the host sets, with the name that set it. */
export function firstSet(vars: AnsibleVars, names: readonly string[]): [string, unknown] | undefined {
  for (const name of names) if (Object.hasOwn(vars, name)) return [name, vars[name]];
  return undefined;
}

/**
 * The first of `names` the host sets to something other than null: how Ansible's ssh plugin reads its
 * address, port, user and key (a null variable counts as unset: the other spelling or the default applies).
 */
export function firstNonNull(vars: AnsibleVars, names: readonly string[]): [string, unknown] | undefined {
  for (const name of names) if (Object.hasOwn(vars, name) && vars[name] !== null) return [name, vars[name]];
  return undefined;
}

function refusalOfText(name: string, value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return `${name} is a ${Array.isArray(value) ? 'list' : typeof value}`;
  }
  if (typeof value === 'string' && TEMPLATE.test(value)) {
    return `${name} is a Jinja template (${JSON.stringify(value)}); hfleet does not render templates`;
  }
  return undefined;
}

/** The connection Ansible would open for `host`, or the reason hfleet refuses the host. */
export function connectionOf(host: string, vars: AnsibleVars): ConnectionVerdict {
  const kind = firstNonNull(vars, ['ansible_connection'])?.[1];
  if (kind !== undefined && !(typeof kind === 'string' && SSH_CONNECTIONS.has(kind))) {
    const shown = typeof kind === 'string' ? kind : JSON.stringify(kind);
    const why = kind === 'local' ? 'Ansible runs its tasks on the control machine, not over SSH' : 'not SSH';
    return { refusal: `ansible_connection=${shown}: ${why}` };
  }
  const defaulted: string[] = [];
  const address = firstNonNull(vars, CONNECTION_SOURCES.address) ?? ['inventory name', host];
  const port = firstNonNull(vars, CONNECTION_SOURCES.port);
  let user = firstNonNull(vars, CONNECTION_SOURCES.user);
  if (user?.[1] === '') {
    defaulted.push(`${user[0]} is empty: Ansible gives ssh no user, so the local user logs in`);
    user = undefined;
  }
  for (const setting of [address, port, user]) {
    const why = setting && refusalOfText(setting[0], setting[1]);
    if (why) return { refusal: why };
  }
  const addressText = String(address[1]);
  if (!PATTERNS.address.test(addressText) || addressText.startsWith('-')) {
    return { refusal: `${address[0]} ${JSON.stringify(addressText)} is not an IP address or DNS name` };
  }
  let portNumber: number | undefined;
  if (port) {
    portNumber =
      typeof port[1] === 'number' ? port[1] : /^\s*[0-9]+\s*$/.test(String(port[1])) ? Number(port[1]) : NaN;
    if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
      return { refusal: `${port[0]} ${JSON.stringify(port[1])} is not a port number` };
    }
  }
  const userText = user === undefined ? undefined : String(user[1]);
  if (userText !== undefined && !PATTERNS.loginName.test(userText)) {
    return { refusal: `${user?.[0]} ${JSON.stringify(userText)} is not a login name hfleet accepts` };
  }
  return { connection: { address: addressText, port: portNumber, user: userText, defaulted } };
}
