// The SSH settings as data: YAML key, typed property, default, and which levels may set it.
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { HostKeyChecking, SshSettings, TransportKind } from '../types.js';
import { checkJump, checkLoginName, checkUnitSafe, PATTERNS } from './checks.js';
import { invalid, shown, type ValidationContext, type ValuePath } from './context.js';
import { expectBool, expectString, optionalMap } from './expect.js';
import { allPatterns, type FieldSpec, intRange } from './var-fields.js';

/** One SSH setting: the property of SshSettings it fills and whether a host may set it directly. */
export interface SshFieldSpec<K extends keyof SshSettings> extends FieldSpec<SshSettings[K]> {
  property: K;
  onHost: boolean;
}

type SshFieldTable = { [yamlKey: string]: SshFieldSpec<keyof SshSettings> };

const HOST_KEY_CHECKING: readonly HostKeyChecking[] = ['strict', 'accept-new', 'off'];
const TRANSPORTS: readonly TransportKind[] = ['ssh2', 'openssh'];
// A local path as parseLocalPath takes it: unit-safe, not empty, `~` only as `~` or `~/...`.
const LOCAL_PATH_SCHEMA = allPatterns(PATTERNS.unitSafe, /^(?:[^~]|~$|~\/)/);

/** A local file path: `~/` expands to the home directory, a relative path is relative to the inventory. */
export function parseLocalPath(ctx: ValidationContext, value: unknown, path: ValuePath): string {
  const text = expectString(ctx, value, path);
  checkUnitSafe(ctx, text, path);
  if (text === '') invalid(ctx, path, 'must not be empty');
  if (text === '~' || text.startsWith('~/')) return resolve(ctx.home, `.${text.slice(1)}`);
  if (text.startsWith('~'))
    invalid(ctx, path, `${shown(text)}: only '~/' is expanded (to your home directory)`);
  return isAbsolute(text) ? resolve(text) : resolve(ctx.baseDir, text);
}

// A parser of a string that must be one of `choices`.
function oneOf<Choice extends string>(choices: readonly Choice[]) {
  return (ctx: ValidationContext, value: unknown, path: ValuePath): Choice => {
    const text = expectString(ctx, value, path);
    if (!(choices as readonly string[]).includes(text))
      invalid(ctx, path, `must be one of ${choices.join(', ')}`);
    return text as Choice;
  };
}

// A string checked by one rule.
function checkedString(check: (ctx: ValidationContext, value: string, path: ValuePath) => void) {
  return (ctx: ValidationContext, value: unknown, path: ValuePath): string => {
    const text = expectString(ctx, value, path);
    check(ctx, text, path);
    return text;
  };
}

/** Every SSH setting by YAML key; `default` of path settings is relative to the home directory. */
export const SSH_FIELDS = {
  user: {
    property: 'user',
    onHost: true,
    type: 'string',
    description: 'Login user.',
    default: 'root',
    parse: checkedString(checkLoginName),
    schema: { pattern: PATTERNS.loginName.source },
  },
  port: {
    property: 'port',
    onHost: true,
    type: 'integer',
    description: 'SSH port.',
    default: 22,
    ...intRange(1, 65535),
  },
  identity_file: {
    property: 'identityFile',
    onHost: true,
    type: 'string',
    description: 'Private key file; unset: the ssh-agent and default keys.',
    default: undefined,
    parse: parseLocalPath,
    schema: LOCAL_PATH_SCHEMA,
  },
  known_hosts: {
    property: 'knownHosts',
    onHost: false,
    type: 'string',
    description: 'known_hosts file the host keys are checked against.',
    default: '~/.ssh/known_hosts',
    parse: parseLocalPath,
    schema: LOCAL_PATH_SCHEMA,
  },
  host_key_checking: {
    property: 'hostKeyChecking',
    onHost: false,
    type: 'string',
    description: 'strict: the key must be known; accept-new: record unknown keys; off: do not check.',
    default: 'strict',
    parse: oneOf(HOST_KEY_CHECKING),
    schema: { enum: [...HOST_KEY_CHECKING] },
  },
  jump: {
    property: 'jump',
    onHost: true,
    type: 'string',
    description: 'Jump host(s), ProxyJump-style: [user@]host[:port], several separated by commas.',
    default: undefined,
    parse: checkedString(checkJump),
    schema: { pattern: PATTERNS.jump.source },
  },
  become: {
    property: 'become',
    onHost: true,
    type: 'boolean',
    description: 'Run remote commands through sudo -n (for a non-root login user).',
    default: false,
    parse: expectBool,
  },
  transport: {
    property: 'transport',
    onHost: true,
    type: 'string',
    description: 'ssh2 (default): the built-in client; openssh: the system ssh (ControlMaster, BatchMode).',
    default: undefined,
    parse: oneOf(TRANSPORTS),
    schema: { enum: [...TRANSPORTS] },
  },
  connect_timeout: {
    property: 'connectTimeout',
    onHost: false,
    type: 'integer',
    description: 'Seconds to wait for the TCP and SSH handshake.',
    default: 10,
    ...intRange(1, 600),
  },
} satisfies SshFieldTable as SshFieldTable;

/** The YAML keys of an `ssh:` mapping (defaults and customers). */
export const SSH_KEYS = Object.keys(SSH_FIELDS);
/** The SSH keys a host may set directly beside `address`. */
export const HOST_SSH_KEYS = SSH_KEYS.filter((key) => SSH_FIELDS[key]?.onHost);

/** Parse the SSH keys present in `map` (an `ssh:` mapping or a host) into the settings they set. */
export function parseSshLayer(
  ctx: ValidationContext,
  entries: Iterable<[string, unknown]>,
  path: ValuePath,
): Partial<SshSettings> {
  const layer: Partial<SshSettings> = {};
  for (const [key, item] of entries) {
    const field = SSH_FIELDS[key];
    if (field) (layer as Record<string, unknown>)[field.property] = field.parse(ctx, item, [...path, key]);
  }
  return layer;
}

/** Parse an `ssh:` mapping (defaults or customer level). */
export function parseSshMapping(
  ctx: ValidationContext,
  value: unknown,
  path: ValuePath,
): Partial<SshSettings> {
  return parseSshLayer(ctx, optionalMap(ctx, value, path, SSH_KEYS), path);
}

/** The settings an inventory that sets nothing gets (a `~/` default expands to `home`). */
export function defaultSsh(home: string = homedir()): SshSettings {
  const settings: Record<string, unknown> = {};
  for (const field of Object.values(SSH_FIELDS)) {
    const value = field.default;
    settings[field.property] =
      typeof value === 'string' && value.startsWith('~/') ? resolve(home, value.slice(2)) : value;
  }
  return settings as unknown as SshSettings;
}
